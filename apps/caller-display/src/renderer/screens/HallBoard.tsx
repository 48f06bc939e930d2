import { useTranslation } from 'react-i18next';
import { waitOptions } from '@hallkit/ui/i18n/waitOptions';
import { Clock } from './Clock.tsx';
import { LiveMark } from './LiveMark.tsx';
import { NoticeLine } from './NoticeLine.tsx';
import type { ScreenProps } from './types.ts';

/** The whole-hall board and the zone board (the same screen, its view filtered to one zone). */
export function HallBoard({ view, config, live, fresh }: ScreenProps) {
  const { t } = useTranslation();
  const latest = view.latest;
  const flashing = latest !== null && fresh.has(latest.key) && config.flashSeconds > 0;
  return (
    <div className={`board hall-board layout-${view.layout}`} data-testid="board" data-layout={view.layout}>
      <header className="board-header">
        {/* On a zone board the zone is what citizens look for: it gets its own line under the hall's name. */}
        <div className={view.zoneName ? 'hall-name has-zone' : 'hall-name'} data-testid="hall-name">
          {view.hallName}
          {view.zoneName ? (
            <span className="zone-name">
              <span className="zone-sep"> · </span>
              {view.zoneName}
            </span>
          ) : null}
        </div>
        <LiveMark live={live} />
        <Clock timeZone={view.timeZone} />
      </header>
      <main className="board-main">
        <section className="latest" data-testid="latest">
          {latest ? (
            <div
              key={latest.key}
              className={flashing ? 'latest-call flash' : 'latest-call'}
              style={flashing ? { animationIterationCount: Math.round(config.flashSeconds * 2) } : undefined}
              data-testid="latest-call"
              data-key={latest.key}
            >
              <div className="latest-please">{t('board.latest')}</div>
              <div className="latest-number" data-testid="latest-number">{latest.number}</div>
              <div className="latest-window" data-testid="latest-window">{t('board.toWindow', { n: latest.windowNumber })}</div>
              {/* Only the latest call names its window's label: in the recent rows (35 mm, at the limit of
                  10 m) a label such as "All-services window" would push the window off the line. */}
              {view.latestLabel ? <div className="latest-window-label" data-testid="latest-window-label">{view.latestLabel}</div> : null}
              {latest.recall ? <div className="recall-tag">{t('board.recall')}</div> : null}
              {latest.priority === 'green' ? <div className="green-tag" data-testid="latest-green">{t('board.green')}</div> : null}
            </div>
          ) : (
            <div className="latest-empty">{t('board.noCalls')}</div>
          )}
        </section>
        <section className="recent" data-testid="recent">
          <h2>{t('board.recent')}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('board.number')}</th>
                <th>{t('board.window')}</th>
              </tr>
            </thead>
            <tbody>
              {view.recent.map((c) => (
                <tr key={c.key} data-testid="recent-call">
                  <td className="num">
                    {c.number}
                    {c.priority === 'green' ? <span className="green-mark">{t('board.green')}</span> : null}
                  </td>
                  <td>{t('board.windowN', { n: c.windowNumber })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </main>
      <section className="categories" data-testid="categories">
        {view.categories.map((c) => (
          <div className="category" key={c.id} data-testid="category">
            <div className="category-name">{c.name}</div>
            <div className="category-waiting">{t('board.people', { n: c.waiting })}</div>
            <div className="category-estimate">{c.estimatedWaitMinutes === null ? t('board.noEstimate') : t('board.minutes', waitOptions(c.estimatedWaitMinutes))}</div>
          </div>
        ))}
      </section>
      <NoticeLine text={view.notice} animate />
    </div>
  );
}
