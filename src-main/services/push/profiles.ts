import { z } from 'zod';
import type { DestinationProfile } from '../../../src-shared/contract/push';
import { AppError } from '../../../src-shared/errors';
import { SegmentflowProfileSettings } from '../../../src-shared/push/types';
import type { AppContext } from '../../app/context';

interface ProfileRow {
  id: number;
  destination: string;
  name: string;
  settings_json: string;
  created_at: number;
  updated_at: number;
}

function toProfile(r: ProfileRow): DestinationProfile {
  const settings = SegmentflowProfileSettings.safeParse(JSON.parse(r.settings_json));
  if (!settings.success) {
    throw new AppError(
      'database',
      `The saved profile "${r.name}" is unreadable. Delete it and save it again.`,
    );
  }
  return {
    id: r.id,
    name: r.name,
    destination: 'segmentflow',
    settings: settings.data,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listProfiles(ctx: AppContext): DestinationProfile[] {
  const rows = ctx.database.sqlite
    .prepare(
      `SELECT * FROM destination_profiles WHERE destination = 'segmentflow' ORDER BY name COLLATE NOCASE`,
    )
    .all() as ProfileRow[];
  return rows.map(toProfile);
}

export function profileByName(ctx: AppContext, name: string): DestinationProfile {
  const row = ctx.database.sqlite
    .prepare(`SELECT * FROM destination_profiles WHERE destination = 'segmentflow' AND name = ?`)
    .get(name) as ProfileRow | undefined;
  if (!row) {
    throw new AppError(
      'not_found',
      `No Segmentflow profile named "${name}". Save one first (template ID, sender) in the Push screen.`,
    );
  }
  return toProfile(row);
}

export function saveProfile(
  ctx: AppContext,
  input: { id?: number; name: string; settings: SegmentflowProfileSettings },
  now = Date.now(),
): DestinationProfile {
  const sqlite = ctx.database.sqlite;
  const clash = sqlite.prepare(`SELECT id FROM destination_profiles WHERE name = ?`).get(input.name) as
    { id: number } | undefined;
  if (clash && clash.id !== input.id) {
    throw new AppError(
      'conflict',
      `A profile named "${input.name}" already exists. Pick another name or edit that profile.`,
    );
  }
  const json = JSON.stringify(input.settings);
  if (input.id !== undefined) {
    const res = sqlite
      .prepare(
        `UPDATE destination_profiles SET name = ?, settings_json = ?, updated_at = ? WHERE id = ? AND destination = 'segmentflow'`,
      )
      .run(input.name, json, now, input.id);
    if (res.changes === 0) throw new AppError('not_found', `Profile ${input.id} no longer exists.`);
    return profileByName(ctx, input.name);
  }
  sqlite
    .prepare(
      `INSERT INTO destination_profiles (destination, name, settings_json, created_at, updated_at) VALUES ('segmentflow', ?, ?, ?, ?)`,
    )
    .run(input.name, json, now, now);
  return profileByName(ctx, input.name);
}

export function deleteProfile(ctx: AppContext, name: string): void {
  const res = ctx.database.sqlite
    .prepare(`DELETE FROM destination_profiles WHERE destination = 'segmentflow' AND name = ?`)
    .run(name);
  if (res.changes === 0) throw new AppError('not_found', `No Segmentflow profile named "${name}".`);
}

const Recent = z.array(z.object({ id: z.string(), name: z.string().nullable(), usedAt: z.number().int() }));
export type RecentTargets = z.infer<typeof Recent>;
const RECENT_MAX = 10;
const recentKey = (destination: string, kind: string) => `push.recent.${destination}.${kind}`;

export function recentTargets(ctx: AppContext, destination: string, kind: string): RecentTargets {
  const row = ctx.database.sqlite
    .prepare(`SELECT value_json FROM preferences WHERE key = ?`)
    .get(recentKey(destination, kind)) as { value_json: string } | undefined;
  if (!row) return [];
  const parsed = Recent.safeParse(JSON.parse(row.value_json));
  return parsed.success ? parsed.data : [];
}

/** Remembers a target ID the user pushed to, newest first, keeping a name once known. */
export function rememberTarget(
  ctx: AppContext,
  destination: string,
  kind: string,
  id: string,
  name: string | null,
  now = Date.now(),
): void {
  const prev = recentTargets(ctx, destination, kind);
  const old = prev.find((r) => r.id === id);
  const next = [
    { id, name: name ?? old?.name ?? null, usedAt: now },
    ...prev.filter((r) => r.id !== id),
  ].slice(0, RECENT_MAX);
  ctx.database.sqlite
    .prepare(
      `INSERT INTO preferences (key, value_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    )
    .run(recentKey(destination, kind), JSON.stringify(next), now);
}
