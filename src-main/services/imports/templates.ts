/*
 * Saved column mappings, found again by the file's header set
 * (`headerSignature`) and re-ordered for the new file by `applyTemplate`.
 */
import { z } from 'zod';
import type { CallOutput, HandlerInput } from '../../../src-shared/contract';
import type { TemplateView } from '../../../src-shared/contract/imports';
import { AppError } from '../../../src-shared/errors';
import {
  applyTemplate,
  headerSignature,
  templateFromMapping,
  validateMapping,
} from '../../../src-shared/import/mapping';
import { ColumnMappingSchema } from '../../../src-shared/import/types';
import type { Core } from './core';

interface DbTemplate {
  id: number;
  name: string;
  header_signature: string;
  headers_json: string;
  mapping_json: string;
  created_at: number;
  updated_at: number;
}

const Headers = z.array(z.string());

function view(t: DbTemplate): TemplateView {
  return {
    id: t.id,
    name: t.name,
    headers: Headers.parse(JSON.parse(t.headers_json)),
    mapping: ColumnMappingSchema.parse(JSON.parse(t.mapping_json)),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

export function createTemplates(core: Core) {
  const sqlite = core.ctx.database.sqlite;
  const all = sqlite.prepare<[], DbTemplate>('SELECT * FROM mapping_templates ORDER BY name COLLATE NOCASE');
  const byId = sqlite.prepare<[number], DbTemplate>('SELECT * FROM mapping_templates WHERE id = ?');
  const byName = sqlite.prepare<[string], DbTemplate>('SELECT * FROM mapping_templates WHERE name = ?');
  const bySignature = sqlite.prepare<[string], DbTemplate>(
    'SELECT * FROM mapping_templates WHERE header_signature = ? ORDER BY updated_at DESC, id DESC',
  );
  const upsert = sqlite.prepare(
    `INSERT INTO mapping_templates (name, header_signature, headers_json, mapping_json, created_at, updated_at)
     VALUES (@name, @signature, @headers, @mapping, @now, @now)
     ON CONFLICT(name) DO UPDATE SET header_signature = @signature, headers_json = @headers, mapping_json = @mapping, updated_at = @now`,
  );
  const rename = sqlite.prepare<[string, number, number]>(
    'UPDATE mapping_templates SET name = ?, updated_at = ? WHERE id = ?',
  );
  const remove = sqlite.prepare<[number]>('DELETE FROM mapping_templates WHERE id = ?');

  function find(id: number): DbTemplate {
    const t = byId.get(id);
    if (!t) throw new AppError('not_found', `Mapping template ${id} does not exist.`);
    return t;
  }

  return {
    /** The template called `name` (case-insensitive), for the CLI's --template. */
    findByName(name: string): TemplateView | null {
      const t = all.all().find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
      return t ? view(t) : null;
    },
    handlers: {
      'imports.templates.list': async (): Promise<CallOutput<'imports.templates.list'>> => ({
        templates: all.all().map(view),
      }),

      'imports.templates.save': async ({
        name,
        headers,
        mapping,
      }: HandlerInput<'imports.templates.save'>): Promise<CallOutput<'imports.templates.save'>> => {
        const valid = validateMapping(headers, mapping);
        if (!valid.ok) throw new AppError('invalid_input', valid.message);
        const body = templateFromMapping(headers, mapping);
        upsert.run({
          name,
          signature: headerSignature(headers),
          headers: JSON.stringify(body.headers),
          mapping: JSON.stringify(body.columns.map((c) => c.target)),
          now: Date.now(),
        });
        return view(byName.get(name) as DbTemplate);
      },

      'imports.templates.rename': async ({
        id,
        name,
      }: HandlerInput<'imports.templates.rename'>): Promise<CallOutput<'imports.templates.rename'>> => {
        find(id);
        const clash = byName.get(name);
        if (clash && clash.id !== id)
          throw new AppError(
            'conflict',
            `A mapping template called "${name}" already exists. Pick another name.`,
          );
        rename.run(name, Date.now(), id);
        return view(find(id));
      },

      'imports.templates.delete': async ({
        id,
      }: HandlerInput<'imports.templates.delete'>): Promise<CallOutput<'imports.templates.delete'>> => ({
        deleted: remove.run(id).changes > 0,
      }),

      'imports.templates.match': async ({
        headers,
      }: HandlerInput<'imports.templates.match'>): Promise<CallOutput<'imports.templates.match'>> => {
        for (const t of bySignature.all(headerSignature(headers))) {
          const v = view(t);
          const mapping = applyTemplate(headers, templateFromMapping(v.headers, v.mapping));
          if (mapping) return { match: { template: v, mapping } };
        }
        return { match: null };
      },
    },
  };
}
