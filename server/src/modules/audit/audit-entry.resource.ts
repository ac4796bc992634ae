import { NOBODY, BUREAUS } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { AuditAction, AuditEntry } from './audit-entry.entity.js';

/** Read-only: entries are written by the audit subscriber, never through the API. */
export const auditEntryResource = defineResource({
  entity: AuditEntry,
  name: 'AuditEntry',
  plural: 'AuditEntries',
  labelZh: '操作记录',
  policy: { write: NOBODY, read: BUREAUS, city: 'cityId' },
  search: ['actorName', 'entityName'],
  defaultSort: 'id',
  mutations: false,
  fields: [
    { name: 'action', kind: 'enum', enum: AuditAction, labelZh: '操作', readOnly: true },
    { name: 'entityName', kind: 'string', labelZh: '对象类型', readOnly: true },
    { name: 'entityId', kind: 'int', labelZh: '对象编号', readOnly: true },
    { name: 'actorId', kind: 'int', labelZh: '操作人编号', readOnly: true },
    { name: 'actorName', kind: 'string', labelZh: '操作人', readOnly: true },
    { name: 'cityId', kind: 'int', labelZh: '设区市编号', readOnly: true },
  ],
});
