/**
 * Entity resolution: the pairs of list entries that may be one party (GET /xref), judged same,
 * different or unsure by analysts (POST /judgements), and the log of every decision. Pairing the
 * whole store takes seconds on the server; the page shows its progress meanwhile.
 */
import { useEffect, useState } from 'react';
import { api, type Decision, type JudgementLogEntry, type XrefPair, type XrefResponse } from '../api/client';
import { Badge, EntityLink, ErrorBox, formatDate, Loading, PageHeader } from '../components/ui';
import { useSession } from '../session';
import { useAsync } from '../useAsync';

/** What the server is doing before pairing starts. */
const STAGE_WORDS: Record<string, string> = {
  waiting: 'waiting for another run',
  reading: 'reading the entities',
  indexing: 'building the name index',
};

const PAGE = 25;
const DECISIONS: Array<{ decision: Decision; label: string }> = [
  { decision: 'same', label: 'Same' },
  { decision: 'different', label: 'Different' },
  { decision: 'unsure', label: 'Unsure' },
];

export function ResolutionPage() {
  const session = useSession();
  const canJudge = session.can('analyst');
  const [minScore, setMinScore] = useState(0.7);
  const [pending, setPending] = useState(true);
  const [page, setPage] = useState(0);
  const [answer, setAnswer] = useState<XrefResponse>();
  const [error, setError] = useState<Error>();
  const [tick, setTick] = useState(0);
  const log = useAsync(() => api.judgementLog(30), [tick]);

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const ask = () =>
      api
        .xref({ min_score: minScore, pending, limit: PAGE, offset: page * PAGE, wait: 2 }, controller.signal)
        .then(
          (r) => {
            setAnswer(r);
            setError(undefined);
            // Still pairing: ask again in a moment.
            if (r.status === 'computing') timer = window.setTimeout(ask, 1000);
          },
          (e: Error) => e.name !== 'AbortError' && setError(e),
        );
    void ask();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [minScore, pending, page, tick]);

  const judge = async (pair: XrefPair, decision: Decision) => {
    try {
      await api.judge(pair.left.id, pair.right.id, decision);
      setTick((t) => t + 1);
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <section>
      <PageHeader
        title="Resolution"
        sub="List entries that may be one party, across lists, with the matcher's reasons. A judgement merges or parts them everywhere: search, entity pages, the network and exports."
      />
      <div className="toolbar" role="group" aria-label="Filters">
        <label>
          Lowest score{' '}
          <select value={minScore} onChange={(e) => (setMinScore(Number(e.target.value)), setPage(0))}>
            {[0.7, 0.8, 0.9, 0.95].map((v) => (
              <option key={v} value={v}>
                {v.toFixed(2)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={pending}
            onChange={(e) => (setPending(e.target.checked), setPage(0))}
          />{' '}
          only pairs nobody has judged
        </label>
      </div>
      {error && <ErrorBox error={error} />}
      {!answer && !error && <Loading what="the proposals" />}
      {answer?.status === 'computing' && (
        <p aria-live="polite">
          {answer.stage && answer.stage !== 'pairing' && answer.total === 0
            ? `Preparing the lists (${STAGE_WORDS[answer.stage] ?? answer.stage})…`
            : `Pairing the lists: ${answer.done.toLocaleString()} of ${answer.total.toLocaleString() || '…'} entries compared.`}
          <progress max={answer.total || 1} value={answer.done} aria-label="Pairing progress" />
        </p>
      )}
      {answer?.status === 'ready' && (
        <>
          <p className="muted" aria-live="polite">
            {answer.total.toLocaleString()} pair{answer.total === 1 ? '' : 's'} ·{' '}
            {answer.screened.toLocaleString()} entries compared in {answer.seconds.toFixed(1)} s
          </p>
          <table className="table" aria-label="Proposed pairs">
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">May be the same as</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Why</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {answer.pairs.map((p) => (
                <PairRow key={`${p.left.id}|${p.right.id}`} pair={p} canJudge={canJudge} onJudge={judge} />
              ))}
              {answer.pairs.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">
                    No pairs {pending ? 'left to judge ' : ''}at this score.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {answer.total > PAGE && (
            <div className="pager">
              <button
                type="button"
                className="secondary"
                disabled={page === 0}
                onClick={() => setPage(page - 1)}
              >
                Previous
              </button>
              <span>
                {page * PAGE + 1}–{Math.min(answer.total, (page + 1) * PAGE)} of{' '}
                {answer.total.toLocaleString()}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={(page + 1) * PAGE >= answer.total}
                onClick={() => setPage(page + 1)}
              >
                Next
              </button>
            </div>
          )}
        </>
      )}
      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title">Latest decisions</h2>
        {log.error && <ErrorBox error={log.error} />}
        {log.data && <DecisionLog entries={log.data} />}
      </section>
    </section>
  );
}

function Side({ side }: { side: XrefPair['left'] }) {
  const ids = Object.entries(side.source_ids).flatMap(([d, ids]) => ids.map((id) => `${d} ${id}`));
  return (
    <>
      <EntityLink id={side.id} caption={side.caption} />
      <div className="muted small">{ids.join(' · ')}</div>
    </>
  );
}

function PairRow({
  pair,
  canJudge,
  onJudge,
}: {
  pair: XrefPair;
  canJudge: boolean;
  onJudge: (p: XrefPair, d: Decision) => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  // The features that carried the score, strongest first.
  const reasons = Object.entries(pair.explanations)
    .filter(([, e]) => e.weight !== 0 && e.score !== 0)
    .sort((a, b) => Math.abs(b[1].score * b[1].weight) - Math.abs(a[1].score * a[1].weight))
    .slice(0, 3);
  const names = `${pair.left.caption} and ${pair.right.caption}`;
  return (
    <tr>
      <td>
        <Side side={pair.left} />
      </td>
      <td>
        <Side side={pair.right} />
      </td>
      <td className="num">{pair.score.toFixed(2)}</td>
      <td className="small">
        {pair.shared_ids.map((s) => (
          <Badge key={`${s.kind}:${s.value}`} kind="list" title="a strong identifier both entries carry">
            {s.kind} {s.value}
          </Badge>
        ))}
        {pair.auto && <Badge kind="list">merges automatically</Badge>}
        <ul className="plain">
          {reasons.map(([feature, e]) => (
            <li key={feature}>
              {feature.replace(/_/g, ' ')}: {e.detail}
            </li>
          ))}
        </ul>
      </td>
      <td>
        {pair.decision && <Badge kind={pair.decision === 'same' ? 'ok' : 'muted'}>{pair.decision}</Badge>}
        {canJudge && (
          <div className="actions" role="group" aria-label={`Judge ${names}`}>
            {DECISIONS.map(({ decision, label }) => (
              <button
                key={decision}
                type="button"
                className={decision === 'same' ? '' : 'secondary'}
                disabled={busy || pair.decision === decision}
                aria-label={`${label}: ${names}`}
                onClick={() => {
                  setBusy(true);
                  void onJudge(pair, decision).finally(() => setBusy(false));
                }}
              >
                {label}
              </button>
            ))}
          </div>
        )}
      </td>
    </tr>
  );
}

export function DecisionLog({ entries }: { entries: JudgementLogEntry[] }) {
  if (entries.length === 0) return <p className="muted">No decisions yet.</p>;
  return (
    <ul className="plain" aria-label="Decisions">
      {entries.map((e, i) => (
        <li key={i}>
          <span className="muted">{formatDate(e.at)}</span> · {e.user}{' '}
          {e.action === 'judge' ? 'judged' : e.action === 'split' ? 'split' : 'imported'}{' '}
          {e.left && <EntityLink id={e.left} caption={e.left_caption} />}
          {e.right && (
            <>
              {' '}
              {e.decision ?? ''} <EntityLink id={e.right} caption={e.right_caption} />
            </>
          )}
          {e.detail && <span className="muted"> ({e.detail})</span>}
        </li>
      ))}
    </ul>
  );
}
