import { MAX_SAVE_ROWS, mayRead, mayWrite, placeOf, readPlaceOf, resourceOf, type FieldSpec, type Place, type ResourceDef } from './common/resource.js';
import { PLAN_STEPS } from './modules/plan/plan-workflow.service.js';
import { IMPORT_LIMITS } from './modules/import/import-limits.js';
import { Role } from './auth/role.js';
import { mayAsk, type QueryReach } from './common/query-reach.js';

/**
 * The machine-readable contract of every resource (`schema/resources.json`) and the roles page
 * (`docs/roles.md`), both written by `pnpm schema:emit` from the resources' own descriptions, so that
 * clients (the admin) and readers never keep a copy of a limit or a permission.
 */

interface FieldContract {
  name: string;
  kind: FieldSpec['kind'];
  labelZh: string;
  required?: true;
  readOnly?: true;
  writeOnly?: true;
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: string;
  enum?: string[];
  /** The resource a reference points to. */
  references?: string;
}

interface ResourceContract {
  name: string;
  plural: string;
  labelZh: string;
  /** false: written only through the module's own mutations (workflow, adjustments), never generic CRUD. */
  crud: boolean;
  readers: Role[];
  writers: Role[];
  /** Paths from a row to its city and school, and to the user it belongs to (roles outside `readers` of the policy read their own). */
  cityPath?: string;
  schoolPath?: string;
  selfPath?: string;
  /** Where each reading and writing role's rows lie. */
  readPlace: Partial<Record<Role, Place>>;
  writePlace: Partial<Record<Role, Place>>;
  staffWritesWhere?: Record<string, readonly string[]>;
  fields: FieldContract[];
}

export interface Contract {
  roles: Role[];
  /** Roles that take each plan workflow step at all (which lines: the issuing chain, R4/R6). */
  planSteps: Record<string, Role[]>;
  /** Most rows one `saveX` may carry (one transaction): the admin bounds what one action over many rows loads and changes. */
  maxSaveRows: number;
  /** most problems one page of `ImportJob.problems` returns */
  importProblemsPerPage: number;
  resources: ResourceContract[];
  /** Queries that are not a resource's own: their reach (common/query-reach.ts) and the roles that may ask them. */
  queries: Record<string, { reach: QueryReach; askers: Role[] }>;
}

const ROLES = Object.values(Role);

function fieldContract(field: FieldSpec): FieldContract {
  const target = field.target && resourceOf(field.target());
  return {
    name: field.name,
    kind: field.kind,
    labelZh: field.labelZh,
    ...(field.required && { required: true as const }),
    ...(field.readOnly && { readOnly: true as const }),
    ...(field.writeOnly && { writeOnly: true as const }),
    ...(field.min !== undefined && { min: field.min }),
    ...(field.max !== undefined && { max: field.max }),
    ...(field.maxLength !== undefined && { maxLength: field.maxLength }),
    ...(field.pattern && { pattern: field.pattern.regex.source }),
    ...(field.enum && { enum: Object.values(field.enum) }),
    ...(field.kind === 'ref' && { references: target?.name ?? field.target!().name }),
  };
}

const placesOf = (roles: Role[], place: (role: Role) => Place) => Object.fromEntries(roles.map((role) => [role, place(role)])) as Partial<Record<Role, Place>>;

function resourceContract(def: ResourceDef): ResourceContract {
  const readers = ROLES.filter((role) => mayRead(def, role));
  const writers = ROLES.filter((role) => mayWrite(def, role));
  return {
    name: def.name,
    plural: def.plural,
    labelZh: def.labelZh,
    crud: def.mutations !== false,
    readers,
    writers,
    ...(def.policy.city && { cityPath: def.policy.city }),
    ...(def.policy.school && { schoolPath: def.policy.school }),
    ...(def.policy.self && { selfPath: def.policy.self }),
    readPlace: placesOf(readers, (role) => readPlaceOf(def, role)),
    writePlace: placesOf(writers, (role) => placeOf(def, role)),
    ...(def.policy.staffWritesWhere && { staffWritesWhere: def.policy.staffWritesWhere }),
    fields: def.fields.map(fieldContract),
  };
}

export function buildContract(resources: ResourceDef[], queries: Readonly<Record<string, QueryReach>>): Contract {
  return {
    roles: ROLES,
    planSteps: Object.fromEntries(Object.entries(PLAN_STEPS).map(([step, spec]) => [step, spec.roles])),
    maxSaveRows: MAX_SAVE_ROWS,
    importProblemsPerPage: IMPORT_LIMITS.problemsPerPage,
    resources: resources.map(resourceContract),
    queries: Object.fromEntries(
      Object.entries(queries)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, reach]) => [name, { reach, askers: ROLES.filter((role) => mayAsk(reach, role)) }]),
    ),
  };
}

const REACH_TEXT: Record<QueryReach, string> = {
  everyone: 'the same answer to every role',
  self: 'the signed-in user\u2019s own items',
  place: 'figures of the asker\u2019s place: any city for province-wide roles, else its own city (school); another place is refused',
  rows: 'rows of resources, each in the asker\u2019s scope of its resource (as its list)',
  provinceWide: 'compares every city: province-wide roles only',
  offices: 'records of persons: the province, city bureaus and schools, each within its place',
  bureaus: 'records of persons: the province and city bureaus',
  province: 'records of persons: the province admin only',
};

const PLACE_TEXT: Record<Place, string> = { province: 'all', city: 'its city’s', school: 'its school’s', self: 'its own' };

function cell(place: Place | undefined, extra = ''): string {
  return place ? `${PLACE_TEXT[place]} rows${extra}` : '—';
}

const where = (limits: Record<string, readonly string[]> | undefined): string =>
  limits
    ? ` while ${Object.entries(limits)
        .map(([prop, values]) => `${prop} is ${values.join(' or ')}`)
        .join(' and ')}`
    : '';

const STEP_LINES: Record<string, string> = {
  SUBMIT: 'school staff: their school\u2019s DRAFT lines; the province: any',
  APPROVE: 'the issuing authority (R4): the city bureau for its schools, the province for provincial schools',
  RETURN: 'the issuing authority (R4), with a reason',
  FILE: 'the province (R6), APPROVED lines',
};

/** docs/roles.md: for every role, what it reads and writes, one table per role. */
export function rolesPage(contract: Contract): string {
  const lines = [
    '<!-- Generated by `pnpm schema:emit` from the resources\u2019 policies (server/src/modules/*/*.resource.ts). Do not edit by hand. -->',
    '# Roles: who reads and writes what',
    '',
    'Each resource\u2019s description (`defineResource`, its `policy`) is the one statement of who reads and writes it and',
    'where its rows stand (their city and school). The server enforces it on every path (lists, counts, by id, nested',
    'fields, `_entities`, single and bulk writes, workflow steps); the admin reads the same contract from',
    '`schema/resources.json`. A row outside a role\u2019s place reads as absent, and a write to it is refused like a write',
    'to a missing row. “own mutations” marks resources written only through their module\u2019s mutations',
    '(`requestPlanAdjustment`, the workflow, the audit trail).',
    '',
    '## Plan workflow steps',
    '',
    '| step | roles | which lines |',
    '|---|---|---|',
    ...Object.entries(contract.planSteps).map(([step, roles]) => `| \`${step}\` | ${roles.map((r) => `\`${r}\``).join(', ')} | ${STEP_LINES[step] ?? ''} |`),
    '',
    '## Queries beside the resources',
    '',
    '| query | roles | answers |',
    '|---|---|---|',
    ...Object.entries(contract.queries).map(
      ([name, { reach, askers }]) => `| \`${name}\` | ${askers.map((r) => `\`${r}\``).join(', ')} | ${REACH_TEXT[reach]} |`,
    ),
    '',
  ];
  for (const role of contract.roles) {
    lines.push(`## \`${role}\``, '', '| resource | reads | writes |', '|---|---|---|');
    for (const resource of contract.resources) {
      const writes = resource.writePlace[role];
      const staffLimit = role === Role.SCHOOL_STAFF ? where(resource.staffWritesWhere) : '';
      const how = writes && !resource.crud ? ' (own mutations)' : '';
      lines.push(`| ${resource.name} (${resource.labelZh}) | ${cell(resource.readPlace[role])} | ${cell(writes, staffLimit + how)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The contract as written to schema/resources.json. */
export const contractJson = (contract: Contract): string => `${JSON.stringify(contract, null, 2)}\n`;
