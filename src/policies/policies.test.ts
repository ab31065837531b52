import { describe, expect, it } from 'vitest';
import { actionsOf, authorize, callerPermissions, can, permissions, resources, userRoles, type Action, type Actor, type Resource, type Role } from './index.js';

/**
 * Every rule, every role, written out. Each cell is six letters, one per role in the order of
 * `userRoles` — admin, manager, agent, field_engineer, sales, customer — Y allowed, N refused:
 *   none:    asked with no record (the caller-wide map of `/auth/me`, create buttons …);
 *   own:     a record of the customer's own organisation (for api_token: a user allowed tokens);
 *   foreign: another organisation's record (for api_token: a user not allowed tokens).
 *   For macro, own is a shared macro of another user and foreign another user's personal one.
 * Changing a rule must change a row here.
 */
//        resource            action      none      own       foreign
const table: [Resource, string, string, string, string][] = [
  ['ticket',            'list',     'YYYYYY', 'YYYYYY', 'YYYYYY'],
  ['ticket',            'read',     'YYYYYN', 'YYYYYY', 'YYYYYN'],
  ['ticket',            'create',   'YYYYYY', 'YYYYYY', 'YYYYYY'],
  ['ticket',            'update',   'YYYYNN', 'YYYYNN', 'YYYYNN'],
  ['ticket',            'reply',    'YYYYNN', 'YYYYNY', 'YYYYNN'],
  ['ticket',            'note',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['ticket',            'merge',    'YYYNNN', 'YYYNNN', 'YYYNNN'],
  ['ticket',            'audit',    'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['ticket',            'original', 'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['customer',          'list',     'YYYYYY', 'YYYYYY', 'YYYYYY'],
  ['customer',          'read',     'YYYYYN', 'YYYYYY', 'YYYYYN'],
  ['customer',          'create',   'YYYNNN', 'YYYNNN', 'YYYNNN'],
  ['customer',          'update',   'YYYNNN', 'YYYNNN', 'YYYNNN'],
  ['user',              'list',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['user',              'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['user',              'create',   'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['user',              'update',   'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['api_token',         'create',   'YYYYYN', 'YYYYYY', 'YYYYYN'],
  ['team',              'list',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['team',              'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['team',              'create',   'YYNNNN', 'YYNNNN', 'YYNNNN'],
  ['team',              'update',   'YYNNNN', 'YYNNNN', 'YYNNNN'],
  ['settings',          'read',     'YYNNNN', 'YYNNNN', 'YYNNNN'],
  ['settings',          'update',   'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['reports',           'read',     'YYNNNN', 'YYNNNN', 'YYNNNN'],
  ['calendar',          'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['calendar',          'compute',  'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['calendar',          'update',   'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['sla_policy',        'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['sla_policy',        'update',   'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['team_shift',        'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['team_shift',        'update',   'YYNNNN', 'YYNNNN', 'YYNNNN'],
  ['ticket_sla',        'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['promise',           'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['promise',           'create',   'YYYNNN', 'YYYNNN', 'YYYNNN'],
  ['promise',           'cancel',   'YYYNNN', 'YYYNNN', 'YYYNNN'],
  ['webhook',           'read',     'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['webhook',           'update',   'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['culture',           'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['culture',           'edit',     'YYNNNN', 'YYNNNN', 'YYNNNN'],
  ['culture',           'override', 'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['channels',          'read',     'YYNNNN', 'YYNNNN', 'YYNNNN'],
  ['channels',          'update',   'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['call',              'report',   'YYYNNN', 'YYYNNN', 'YYYNNN'],
  ['call',              'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['call',              'update',   'YYYNNN', 'YYYNNN', 'YYYNNN'],
  ['contact_identity',  'read',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['contact_identity',  'update',   'YYYNNN', 'YYYNNN', 'YYYNNN'],
  ['job',               'list',     'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['job',               'retry',    'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['privacy',           'export',   'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['privacy',           'erase',    'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['privacy',           'log',      'YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['privacy',           'retention','YNNNNN', 'YNNNNN', 'YNNNNN'],
  ['macro',             'list',     'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['macro',             'read',     'YYYYYN', 'YYYYYN', 'NNNNNN'],
  ['macro',             'create',   'YYYYYN', 'YYNNNN', 'NNNNNN'],
  ['macro',             'update',   'YYYYYN', 'YYNNNN', 'NNNNNN'],
  ['macro',             'delete',   'YYYYYN', 'YYNNNN', 'NNNNNN'],
  ['macro',             'apply',    'YYYNNN', 'YYYNNN', 'NNNNNN'],
  ['workspace',         'agent',    'YYYYYN', 'YYYYYN', 'YYYYYN'],
  ['workspace',         'portal',   'NNNNNY', 'NNNNNY', 'NNNNNY'],
];

const ownOrg = '11111111-1111-1111-1111-111111111111';
const otherOrg = '22222222-2222-2222-2222-222222222222';

function actorOf(role: Role): Actor {
  return {
    userId: `user-${role}`, name: role, email: `${role}@example.com`, role,
    organisationId: role === 'customer' ? ownOrg : null, contactId: role === 'customer' ? 'contact-own' : null, teamIds: [],
  };
}

/** The two records a row compares: for api_token the token's owner, otherwise a customer-owned record. */
const subjects = (resource: Resource) =>
  resource === 'api_token'
    ? { own: { apiTokensAllowed: true }, foreign: { apiTokensAllowed: false } }
    : resource === 'macro'
    ? { own: { scope: 'shared', ownerUserId: 'user-someone' }, foreign: { scope: 'personal', ownerUserId: 'user-someone' } }
    : { own: { organisationId: ownOrg, contactId: null }, foreign: { organisationId: otherOrg, contactId: null } };

const ask = (role: Role, resource: Resource, action: string, subject?: object) =>
  can(actorOf(role), action as Action<typeof resource>, resource, subject as never) ? 'Y' : 'N';
const row = (resource: Resource, action: string, subject?: object) => userRoles.map((role) => ask(role, resource, action, subject)).join('');

describe('authorization rules', () => {
  it.each(table)('%s.%s — none %s, own %s, foreign %s', (resource, action, none, own, foreign) => {
    const s = subjects(resource);
    expect({ none: row(resource, action), own: row(resource, action, s.own), foreign: row(resource, action, s.foreign) }).toEqual({ none, own, foreign });
  });

  it('covers every action of every resource the rules define, once', () => {
    const defined = resources.flatMap((r) => actionsOf(r).map((a) => `${r}.${a}`)).sort();
    const tested = table.map(([r, a]) => `${r}.${a}`);
    expect(new Set(tested).size).toBe(tested.length);
    expect([...tested].sort()).toEqual(defined);
  });

  it("lets a customer export their own data only, not a colleague's of the same organisation", () => {
    const customer = actorOf('customer');
    expect(can(customer, 'export', 'privacy', { organisationId: ownOrg, contactId: 'contact-own' })).toBe(true);
    expect(can(customer, 'export', 'privacy', { organisationId: ownOrg, contactId: 'contact-colleague' })).toBe(false);
    expect(can(actorOf('agent'), 'export', 'privacy', { organisationId: ownOrg, contactId: 'contact-own' })).toBe(false);
  });

  it("lets every staff member keep personal macros, and no one else see them", () => {
    for (const role of userRoles) {
      const own = { scope: 'personal' as const, ownerUserId: `user-${role}` };
      const expected = role !== 'customer';
      for (const action of ['read', 'create', 'update', 'delete'] as const) expect(can(actorOf(role), action, 'macro', own)).toBe(expected);
    }
  });

  it('refuses an action no rule defines', () => {
    for (const role of userRoles) expect(ask(role, 'ticket', 'mrege')).toBe('N');
  });

  it('lets a customer without an organisation see only what is its own as a contact', () => {
    const loner: Actor = { ...actorOf('customer'), organisationId: null, contactId: 'contact-own' };
    expect(can(loner, 'read', 'ticket', { organisationId: null, contactId: 'contact-own' })).toBe(true);
    expect(can(loner, 'read', 'ticket', { organisationId: null, contactId: 'contact-other' })).toBe(false);
    // No organisation of its own does not make every organisation-less record its own.
    expect(can(loner, 'read', 'ticket', { organisationId: null, contactId: null })).toBe(false);
  });
});

describe('authorize', () => {
  const status = (fn: () => void) => {
    try {
      fn();
      return 200;
    } catch (e) {
      return (e as { status: number }).status;
    }
  };

  it('answers a customer asking for another organisation’s record with 404, not 403', () => {
    const foreign = { organisationId: otherOrg };
    expect(status(() => authorize(actorOf('customer'), 'read', 'ticket', foreign))).toBe(404);
    expect(status(() => authorize(actorOf('customer'), 'update', 'customer', foreign))).toBe(404);
  });

  it('answers 403 for its own record it may not change, and for staff refused', () => {
    expect(status(() => authorize(actorOf('customer'), 'update', 'ticket', { organisationId: ownOrg }))).toBe(403);
    expect(status(() => authorize(actorOf('customer'), 'list', 'user'))).toBe(403);
    expect(status(() => authorize(actorOf('sales'), 'merge', 'ticket', { organisationId: otherOrg }))).toBe(403);
    expect(status(() => authorize(actorOf('agent'), 'merge', 'ticket', { organisationId: otherOrg }))).toBe(200);
  });
});

describe('permissions', () => {
  it('gives the asked actions of one record', () => {
    expect(permissions(actorOf('customer'), 'ticket', { organisationId: ownOrg }, ['read', 'reply', 'note'])).toEqual({ read: true, reply: true, note: false });
  });

  it('gives the caller-wide map with every resource and action, asked with no record', () => {
    for (const role of userRoles) {
      const map = callerPermissions(actorOf(role));
      for (const [resource, action, none] of table) {
        expect((map[resource] as Record<string, boolean>)[action], `${role} ${resource}.${action}`).toBe(none[userRoles.indexOf(role)] === 'Y');
      }
    }
    expect(callerPermissions(actorOf('customer'), { api_token: { apiTokensAllowed: true } }).api_token.create).toBe(true);
  });
});
