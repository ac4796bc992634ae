import { QUERY_SHAPE_LIMITS } from '../common/query-shape-limits.js';
import { propOf, type FieldSpec, type ResourceDef } from '../common/resource.js';
import { targetOf } from '../common/where.js';

/** A column an aggregate may group by: own (`targetGroup`) or reached through references (`plan.school.city`). */
export interface GroupPath {
  /** `PLAN_SCHOOL_CITY`: the value in the `…GroupBy` enum. */
  value: string;
  /** `planSchoolCity`: the field of the group's key. */
  keyField: string;
  /** Entity properties from the resource to the column. */
  props: string[];
  field: FieldSpec;
  /** The resources the path crosses, the grouped one first (each must be readable to the reader). */
  resources: ResourceDef[];
}

const groupable = (f: FieldSpec) => f.kind !== 'json' && f.kind !== 'enumList' && !f.writeOnly;
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
const camel = (props: string[]) => props.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join('');

/** Every group-by path of a resource, through at most `maxPathHops` references. */
export function groupPathsOf(def: ResourceDef): GroupPath[] {
  const paths: GroupPath[] = [];
  const walk = (current: ResourceDef, props: string[], resources: ResourceDef[]) => {
    for (const field of current.fields.filter(groupable)) {
      const at = [...props, propOf(field)];
      paths.push({ value: snake(at.join('_')), keyField: camel(at), props: at, field, resources });
      const target = targetOf(field);
      // Inside the target, `at.length` references have been crossed.
      if (target && at.length <= QUERY_SHAPE_LIMITS.maxPathHops) walk(target, at, [...resources, target]);
    }
  };
  walk(def, [], [def]);
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path.value)) throw new Error(`${def.name}: two group paths are both named ${path.value}`);
    seen.add(path.value);
  }
  return paths;
}
