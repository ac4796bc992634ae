import { ReferenceKind, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { AppError } from '../../server/src/common/errors.js';
import type { BaseEntity } from '../../server/src/common/base.entity.js';

/** Refuses to delete a row that other rows still point to: no orphans and no silent cascades. */
export async function assertNotReferenced(em: EntityManager, entity: BaseEntity, labelZh: string): Promise<void> {
  const className = entity.constructor.name;
  for (const meta of Object.values(em.getMetadata().getAll())) {
    if (meta.abstract) continue;
    for (const prop of meta.props) {
      if (prop.kind !== ReferenceKind.MANY_TO_ONE || prop.type !== className) continue;
      const count = await em.count(meta.className, { [prop.name]: entity.id } as FilterQuery<object>);
      if (count > 0) {
        throw new AppError({
          code: 'CONFLICT',
          rule: 'REFERENCED',
          field: 'id',
          zh: `${labelZh} ${entity.id} 仍被 ${count} 条${meta.className}记录引用，不能删除`,
          en: `${className} ${entity.id} is still referenced by ${count} ${meta.className} row(s) and cannot be deleted`,
          details: { referencedBy: meta.className, count },
        });
      }
    }
  }
}
