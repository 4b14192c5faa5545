import { Conflict } from '../shared';
import { specFor } from '../shared/testing/given';
import { villageDecider } from './villages.decider';

const given = specFor(villageDecider);
const register = { type: 'RegisterVillage' as const, data: { villageId: 'dongcun', name: '东村' } };

describe('villages', () => {
  it('registers a village', () => given([]).when(register).then([{ type: 'VillageRegistered', data: { villageId: 'dongcun', name: '东村' } }]));
  it('will not register a village twice', () =>
    given([{ type: 'VillageRegistered', data: register.data }]).when(register).thenThrows(Conflict, 'CONFLICT_ID_EXISTS'));
});
