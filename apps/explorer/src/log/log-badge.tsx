import { useEffect, useState } from 'preact/hooks';
import { apiUrl, getJson, request } from '../api';
import { useLang } from '../i18n';
import { href, type Route } from '../route';
import { type Checkpoint, openCheckpoint } from './checkpoint-note';
import { fromBase64, type LogRecord, recordLeafHash, rootFromInclusion, sameBytes, toHex } from './log-proof';

/** How many of a page's events the badge proves: each costs two requests. */
const MOST_PROVED = 50;

type Outcome =
  | { state: 'checking' }
  | { state: 'verified'; checkpoint: Checkpoint; key: string; count: number }
  | { state: 'failed'; reason: string };

interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  auditPath: string[];
}

const text = async (path: string, params: Record<string, string | null> = {}) =>
  (await request(apiUrl(path, params), { headers: { accept: 'text/plain' } })).text();

/** The record the leaf hashed: the feed's item at the leaf's place (the feed's positions count from 1). */
async function recordAt(leafIndex: number, eventId: string): Promise<LogRecord> {
  const after = leafIndex === 0 ? null : String(leafIndex);
  const page = await getJson<{ items: Array<LogRecord & { position: string }> }>('/v1/events', { after, limit: '1' });
  const item = page.items[0];
  if (!item || item.eventId !== eventId) throw new Error(`leaf ${leafIndex} is not event ${eventId} in the feed`);
  return item;
}

async function prove(eventId: string, checkpoint: Checkpoint): Promise<void> {
  const proof = await getJson<InclusionProof>('/v1/log/proofs/inclusion', { eventId, size: String(checkpoint.size) });
  const leaf = await recordLeafHash(await recordAt(proof.leafIndex, eventId));
  const path = proof.auditPath.map(fromBase64);
  const root = await rootFromInclusion(proof.leafIndex, checkpoint.size, leaf, path);
  if (!root || !sameBytes(root, checkpoint.root)) {
    throw new Error(`event ${eventId} (leaf ${proof.leafIndex}) does not lead to the checkpoint's root`);
  }
}

/** Checks the checkpoint's signature, then every event's inclusion: all in this browser. */
async function verify(eventIds: string[], size: string | null): Promise<Outcome> {
  const [note, key] = await Promise.all([text('/v1/log/checkpoint', { size }), text('/v1/log/key')]);
  const checkpoint = await openCheckpoint(note, key);
  const proved = eventIds.slice(0, MOST_PROVED);
  await Promise.all(proved.map((id) => prove(id, checkpoint)));
  return { state: 'verified', checkpoint, key: key.trim(), count: proved.length };
}

/**
 * Says whether the events the page shows are in the log's signed checkpoint (the route's `logSize`, else
 * the latest), proved here with WebCrypto; the link cites the checkpoint it was checked against.
 */
export function LogBadge({ route, eventIds }: { route: Route; eventIds: string[] }) {
  const { t } = useLang();
  const size = route.params.get('logSize');
  const ids = eventIds.join(',');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'checking' });
  useEffect(() => {
    let current = true;
    setOutcome({ state: 'checking' });
    verify(eventIds, size).then(
      (o) => current && setOutcome(o),
      (error: Error) => current && setOutcome({ state: 'failed', reason: error.message }),
    );
    return () => {
      current = false;
    };
  }, [ids, size]); // the ids' text stands for the list
  return (
    <aside class={`log-badge ${outcome.state}`} aria-label={t('logBadge')} aria-live="polite" data-log={outcome.state}>
      {outcome.state === 'checking' && <p>{t('logChecking')}</p>}
      {outcome.state === 'failed' && (
        <p>
          <strong>✗ {t('logFailed')}</strong>: {outcome.reason}
        </p>
      )}
      {outcome.state === 'verified' && (
        <>
          <p>
            <strong>✓ {t('logVerified')}</strong> {outcome.count} {t('logEvents')} {outcome.checkpoint.size},{' '}
            {t('logRoot')} <code>{toHex(outcome.checkpoint.root).slice(0, 16)}…</code>
          </p>
          <p>
            {outcome.checkpoint.signatureChecked ? t('logSigned') : t('logSignatureUnchecked')}{' '}
            <code class="verifier-key">{outcome.key}</code>
          </p>
          <p>
            <a href={href(route, route.page, route.id, { logSize: String(outcome.checkpoint.size) })}>
              {t('logCite')} {outcome.checkpoint.size}
            </a>
          </p>
        </>
      )}
    </aside>
  );
}
