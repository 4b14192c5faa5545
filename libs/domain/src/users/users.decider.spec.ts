import { Conflict, NotFound, RuleViolation } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { usersContext } from './users.context';
import { usersDecider } from './users.decider';
import { UserCommand } from './users.commands';
import { UserEvent } from './users.events';

const given = specFor(usersDecider);

const clerk = { userId: 'li-clerk', name: '李录入', role: 'clerk' as const, villages: ['dongcun', 'xicun'] };
const register: UserCommand = { type: 'RegisterUser', data: clerk };
const registered: UserEvent = { type: 'UserRegistered', data: clerk };
const revoked: UserEvent = { type: 'UserRevoked', data: { userId: 'li-clerk', reason: '调离' } };
const changeRole = (role: 'admin' | 'clerk' | 'auditor' | 'supervisor', userId = 'li-clerk'): UserCommand => ({
  type: 'ChangeUserRole',
  data: { userId, role },
});
const revoke = (userId = 'li-clerk'): UserCommand => ({ type: 'RevokeUser', data: { userId, reason: '调离' } });

describe('registering a user', () => {
  it('records the user, the role and the villages it may record for', () =>
    given([])
      .when(register)
      .then([{ type: 'UserRegistered', data: clerk }]));

  it('never puts a token in the event', () => {
    const [event] = given([]).when(register).events();
    expect(Object.keys(event.data).sort()).toEqual(['name', 'role', 'userId', 'villages']);
  });

  it('cannot happen twice under one id, even for a revoked user', () => {
    given([registered]).when(register).thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.userId');
    given([registered, revoked]).when(register).thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.userId');
  });

  it('refuses the id of the built-in admin, in any case', () => {
    for (const userId of ['admin', 'Admin', 'ADMIN'])
      given([])
        .when({ type: 'RegisterUser', data: { ...clerk, userId } })
        .thenThrows(Conflict, 'CONFLICT_USER_ID_RESERVED', 'data.userId');
  });

  it('refuses an id that differs from an existing one only in case, revoked ones included', () => {
    given([registered])
      .when({ type: 'RegisterUser', data: { ...clerk, userId: 'Li-Clerk' } })
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.userId');
    given([registered, revoked])
      .when({ type: 'RegisterUser', data: { ...clerk, userId: 'LI-CLERK' } })
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.userId');
  });

  it('names the existing id a new one clashes with', () =>
    expect(() =>
      usersDecider.decide(
        { type: 'RegisterUser', data: { ...clerk, userId: 'Li-Clerk' } },
        usersDecider.evolve(usersDecider.initialState(), registered),
        context(),
      ),
    ).toThrow(
      expect.objectContaining({ detail: expect.objectContaining({ zh: expect.stringContaining('li-clerk') }) }),
    ));

  it('needs each village on record, naming its place in the list', () =>
    expect(usersContext.commands.RegisterUser.references?.(clerk)).toEqual([
      expect.objectContaining({ field: 'data.villages.0', stream: 'village-dongcun' }),
      expect.objectContaining({ field: 'data.villages.1', stream: 'village-xicun' }),
    ]));
});

describe("changing a user's role", () => {
  it('records the new role and the one it replaces', () =>
    given([registered])
      .when(changeRole('auditor'))
      .then([{ type: 'UserRoleChanged', data: { userId: 'li-clerk', role: 'auditor', previousRole: 'clerk' } }]));
  it('needs the user, naming data.userId', () =>
    given([registered]).when(changeRole('auditor', 'nobody')).thenThrows(NotFound, 'NOT_FOUND', 'data.userId'));
  it('must change the role', () =>
    given([registered]).when(changeRole('clerk')).thenThrows(RuleViolation, 'RULE_ROLE_UNCHANGED'));
  it('is judged against the latest role', () =>
    given([
      registered,
      { type: 'UserRoleChanged', data: { userId: 'li-clerk', role: 'auditor', previousRole: 'clerk' } },
    ])
      .when(changeRole('auditor'))
      .thenThrows(RuleViolation, 'RULE_ROLE_UNCHANGED'));
  it('is refused for a revoked user', () =>
    given([registered, revoked]).when(changeRole('auditor')).thenThrows(RuleViolation, 'RULE_USER_REVOKED'));
});

describe('revoking a user', () => {
  it('records the reason', () =>
    given([registered])
      .when(revoke())
      .then([{ type: 'UserRevoked', data: { userId: 'li-clerk', reason: '调离' } }]));
  it('needs the user, naming data.userId', () =>
    given([registered]).when(revoke('nobody')).thenThrows(NotFound, 'NOT_FOUND', 'data.userId'));
  it('happens once', () =>
    given([registered, revoked]).when(revoke()).thenThrows(RuleViolation, 'RULE_USER_ALREADY_REVOKED'));
});
