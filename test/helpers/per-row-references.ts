import { ReferenceKind, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { AppError } from '../../server/src/common/errors.js';
import type { BaseEntity } from '../../server/src/common/base.entity.js';
import { resourceOf } from '../../server/src/common/resource.js';

/** Refuses to delete a row that other rows still point to: no orphans and no silent cascades. */
export async function assertNotReferenced(em: EntityManager, entity: BaseEntity, labelZh: string): Promise<void> {
  const className = entity.constructor.name;
  for (const meta of Object.values(em.getMetadata().getAll())) {
    if (meta.abstract) continue;
    for (const prop of meta.props) {
      if (prop.kind !== ReferenceKind.MANY_TO_ONE || prop.type !== className) continue;
      const count = await em.count(meta.className, { [prop.name]: entity.id } as FilterQuery<object>);
      if (count > 0) {
        // Named as a user knows them: the row by its name, the referring rows by their resource's label.
        const named = (entity as { nameZh?: string; name?: string }).nameZh ?? (entity as { name?: string }).name;
        const row = named ? `“${named}”` : ` ${entity.id} `;
        const referring = resourceOf(meta.class as never)?.labelZh ?? meta.className;
        throw new AppError({
          code: 'CONFLICT',
          rule: 'REFERENCED',
          field: 'id',
          zh: `${labelZh}${row}仍被 ${count} 条${referring}记录引用，不能删除`,
          en: `${className} ${entity.id}${named ? ` (${named})` : ''} is still referenced by ${count} ${meta.className} row(s) and cannot be deleted`,
          details: { referencedBy: meta.className, count },
        });
      }
    }
  }
}
