import type { MessageKey } from '$lib/i18n/locale.svelte';
import type { FormatName, MappedField, TimestampFormat } from '$lib/ingest/types';
import type { Role } from '$lib/model';
import type { Progress } from '$lib/engine/protocol';
import type { ImportBlock } from './mapping-form';

/** Message keys of the names shown for fields, formats and roles (typed, so a missing text fails the build). */
export const fieldKey = (field: MappedField): MessageKey => `field.${field}` as const;
export const timestampKey = (format: TimestampFormat): MessageKey => `timestamp.${format}` as const;
export const formatKey = (format: FormatName): MessageKey => `format.${format}` as const;
export const roleKey = (role: Role | null): MessageKey => (role === null ? 'role.unknown' : (`role.${role}` as const));
export const blockKey = (block: ImportBlock): MessageKey => `mapping.block.${block}` as const;
export const phaseKey = (phase: Progress['phase']): MessageKey => `progress.${phase}` as const;
