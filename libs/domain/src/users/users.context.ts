import { defineContext } from '../shared/command-spec';
import { villageRef } from '../shared/references';
import { usersDecider } from './users.decider';
import { USERS_STREAM } from './users.events';

export const usersContext = defineContext({
  name: 'users',
  category: 'users',
  aggregate: { zh: '用户', en: 'user' },
  decider: usersDecider,
  commands: {
    // All users share one stream, which RegisterUser creates or extends.
    RegisterUser: {
      stream: () => USERS_STREAM,
      creates: true,
      idField: 'userId',
      references: (d) => (d.villages ?? []).flatMap((id, i) => villageRef(id, `data.villages.${i}`)),
    },
    ChangeUserRole: { stream: () => USERS_STREAM, creates: false, idField: 'userId' },
    RevokeUser: { stream: () => USERS_STREAM, creates: false, idField: 'userId' },
  },
});
