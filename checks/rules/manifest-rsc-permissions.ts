import { defineCheck, type TypedOutcome } from '../core/define-check';
import { parsedManifestGuard } from '../computed/guards';
import type { Detail, JsonObject } from '../core/types';
import { findRscPermission, rscTypeMatches, RSC_SOURCE } from '../data/rsc-permissions';
import { SOURCES } from '../data/sources';
import type {} from '../gather/manifest';
import { isJsonObject } from '../computed/json';

const messages = {
  listed: 'The app requests {{count}} resource-specific permission(s): {{names}}. {{contentNote}}',
  none: 'The app requests no resource-specific (RSC) permissions.',
  unknown: 'The app requests {{count}} permission name(s) botflow does not know: {{names}}. Check the spelling against the RSC list.',
  wrongType: 'The permission {{name}} is requested as {{type}}, but it is a {{expected}} permission.',
};


interface Requested { name: string; type: string; path: string }

function requested(m: JsonObject): Requested[] {
  const out: Requested[] = [];
  const auth = isJsonObject(m.authorization) && isJsonObject(m.authorization.permissions) ? m.authorization.permissions : undefined;
  if (auth && Array.isArray(auth.resourceSpecific)) {
    auth.resourceSpecific.forEach((p, i) => {
      if (isJsonObject(p) && typeof p.name === 'string') out.push({ name: p.name, type: typeof p.type === 'string' ? p.type : 'Application', path: `/authorization/permissions/resourceSpecific/${i}` });
    });
  }
  const wai = isJsonObject(m.webApplicationInfo) ? m.webApplicationInfo : undefined;
  if (wai && Array.isArray(wai.applicationPermissions)) {
    wai.applicationPermissions.forEach((p, i) => {
      if (typeof p === 'string') out.push({ name: p, type: 'Application', path: `/webApplicationInfo/applicationPermissions/${i}` });
    });
  }
  return out;
}

export default defineCheck({
  meta: {
    id: 'manifest-rsc-permissions',
    suite: 'manifest',
    title: 'Resource-specific permissions the app requests',
    failureTitle: 'Resource-specific permissions need a look',
    description: 'Lists each resource-specific consent (RSC) permission the manifest requests and what it lets the app read or do in the team, chat or for the user that installs it. Compliance reviews ask exactly this; permissions that read messages, recordings or media are marked.',
    severity: 'info',
    requiredEvidence: ['Manifest'],
    guards: [parsedManifestGuard()],
    messages,
    remediation: {
      unknown: 'Compare each name with the list on Microsoft Learn (names are case-sensitive and end in .Group, .Chat or .User); Teams does not grant names it does not know.',
      wrongType: 'Set "type": "{{expected}}" for {{name}} in authorization.permissions.resourceSpecific.',
    },
    sources: [SOURCES.rsc, { title: 'Receive all channel messages with RSC (Microsoft Learn)', url: 'https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/channel-messages-with-rsc' }],
  },
  evaluate({ Manifest }): TypedOutcome<keyof typeof messages> {
    const m = Manifest.manifest;
    const list = requested(m);
    if (list.length === 0) return { status: 'info', messageId: 'none', evidence: { permissions: [] } };
    const details: Detail[] = [];
    const permissions: JsonObject[] = [];
    const unknown: string[] = [];
    let wrongType: { name: string; type: string; expected: string } | undefined;
    for (const r of list) {
      const known = findRscPermission(r.name);
      if (!known) {
        unknown.push(r.name);
        details.push({ message: `${r.name} (${r.type}): not a known RSC permission`, path: r.path, status: 'warn' });
        permissions.push({ name: r.name, type: r.type, known: false });
        continue;
      }
      if (!rscTypeMatches(known, r.type) && !wrongType) wrongType = { name: known.name, type: r.type, expected: known.type };
      details.push({ message: `${known.name} (${known.type}, per ${known.scope}): ${known.grants}${known.readsContent ? ' [reads content]' : ''}`, path: r.path, status: 'info' });
      permissions.push({ name: known.name, type: r.type, scope: known.scope, grants: known.grants, readsContent: known.readsContent, source: known.source });
    }
    const evidence = { permissions, source: RSC_SOURCE };
    if (unknown.length) return { status: 'warn', messageId: 'unknown', data: { count: unknown.length, names: unknown.join(', ') }, evidence, details };
    if (wrongType) return { status: 'warn', messageId: 'wrongType', data: wrongType, evidence, details };
    const content = permissions.filter((p) => p.readsContent === true).map((p) => String(p.name));
    return {
      status: 'info',
      messageId: 'listed',
      data: {
        count: list.length,
        names: list.map((r) => r.name).join(', '),
        contentNote: content.length ? `${content.length} of them read message, meeting or media content (${content.join(', ')}).` : 'None of them reads message, meeting or media content.',
      },
      evidence,
      details,
    };
  },
});
