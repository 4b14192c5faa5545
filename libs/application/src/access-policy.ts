import { Actor, Forbidden } from '@sunshine/domain';

/** What each role may do: CONTRACT.md's role table, in one place. */
export type Capability = 'record' | 'read' | 'audit' | 'personal-data' | 'administer' | 'void';

const CAPABILITIES: Record<Actor['role'], readonly Capability[]> = {
  admin: ['record', 'read', 'audit', 'personal-data', 'administer', 'void'],
  clerk: ['record', 'read', 'void'],
  auditor: ['read', 'audit', 'personal-data'],
  supervisor: ['read'],
};

/** Commands only an admin may send. */
const ADMIN_COMMANDS = new Set(['RegisterUser', 'ChangeUserRole', 'RevokeUser', 'ErasePersonalData']);

export const may = (actor: Actor, capability: Capability): boolean => CAPABILITIES[actor.role].includes(capability);

export const requireCapability = (actor: Actor, capability: Capability): void => {
  if (!may(actor, capability))
    throw new Forbidden('FORBIDDEN_ROLE', {
      zh: `当前角色（${actor.role}）无权进行此操作`,
      en: `the role ${actor.role} may not do this`,
    });
};

export const capabilityFor = (commandType: string): Capability =>
  ADMIN_COMMANDS.has(commandType) ? 'administer' : commandType === 'VoidRecord' ? 'void' : 'record';

/**
 * A clerk limited to villages records only for them; a command that names no village, directly
 * or through the record it acts on, is refused to such a clerk.
 */
export const requireVillageScope = (actor: Actor, village: string | undefined): void => {
  if (actor.role !== 'clerk' || actor.villages === undefined) return;
  if (village === undefined)
    throw new Forbidden('FORBIDDEN_VILLAGE_SCOPE', {
      zh: '该录入员仅限为指定的村登记，此命令未指明所属村',
      en: 'this clerk records only for its villages, and the command names no village',
    });
  if (!actor.villages.includes(village))
    throw new Forbidden('FORBIDDEN_VILLAGE_SCOPE', {
      zh: `该录入员无权为村「${village}」登记`,
      en: `this clerk may not record for village ${village}`,
    });
};
