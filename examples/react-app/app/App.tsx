import { useCallback, useRef, useState } from 'react';
import type {} from '@hearth/embed/jsx'; // the Hearth tags in JSX: typed properties and events
import type { HearthConfigInput, HearthEventDetailMap } from '@hearth/core';
import type { HearthAssessment } from '@hearth/assessment';

/** The reference receiver started by `pnpm start` (it allows this app's origin). */
const ENDPOINT = 'http://127.0.0.1:8787/leads';

const BRANDS: Record<'hearth' | 'serena', HearthConfigInput> = {
  hearth: { brand: { name: 'Hearth Health' }, lead: { endpoint: ENDPOINT } },
  serena: {
    brand: {
      name: 'Clínica Serena',
      colors: { primary: '#7a2e0e', surface: '#f6ebe1' },
      font: "Georgia, 'Times New Roman', serif",
      radius: '2px',
    },
    lead: { endpoint: ENDPOINT },
    assessment: { instrument: 'pcl-5', cutPoints: { pcl5: 31 } },
  },
};

interface LogEntry {
  id: number;
  name: keyof HearthEventDetailMap;
  detail: string;
}

export function App() {
  const [brand, setBrand] = useState<keyof typeof BRANDS>('hearth');
  const [lang, setLang] = useState<'en' | 'es'>('en');
  const [showFaq, setShowFaq] = useState(true);
  const [log, setLog] = useState<LogEntry[]>([]);
  const assessment = useRef<HearthAssessment>(null);

  // One typed handler factory: `detail` is the event's own detail type (no answers, by design).
  const record = useCallback(
    <K extends keyof HearthEventDetailMap>(name: K) =>
      (event: CustomEvent<HearthEventDetailMap[K]>) =>
        setLog((entries) => [{ id: Date.now() + Math.random(), name, detail: JSON.stringify(event.detail) }, ...entries].slice(0, 12)),
    [],
  );

  return (
    <div className="app" lang={lang}>
      <header>
        <h1>Hearth in a React 19 app</h1>
        <p>
          The elements are used as JSX tags: objects go in as properties (<code>config</code>), events come out typed (
          <code>onhearth-coverage-result</code>), and mounting or unmounting them is safe.
        </p>
        <div className="controls">
          <label>
            Brand{' '}
            <select value={brand} onChange={(e) => setBrand(e.target.value as keyof typeof BRANDS)}>
              <option value="hearth">Hearth Health (default)</option>
              <option value="serena">Clínica Serena (partner)</option>
            </select>
          </label>
          <label>
            Language{' '}
            <select value={lang} onChange={(e) => setLang(e.target.value as 'en' | 'es')}>
              <option value="en">English</option>
              <option value="es">Español</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={showFaq} onChange={(e) => setShowFaq(e.target.checked)} /> Show the FAQ
          </label>
          <button type="button" onClick={() => assessment.current?.focus()}>
            Go to the self-check
          </button>
        </div>
      </header>

      <main>
        <hearth-provider config={BRANDS[brand]} onhearth-lead-submitted={record('hearth-lead-submitted')}>
          <section aria-label="Self-check">
            <hearth-assessment
              ref={assessment}
              onhearth-assessment-complete={record('hearth-assessment-complete')}
              onhearth-assessment-step={record('hearth-assessment-step')}
            />
          </section>
          <section aria-label="Insurance check">
            <hearth-coverage onhearth-coverage-result={record('hearth-coverage-result')} />
          </section>
          {showFaq && (
            <section aria-label="Questions">
              <hearth-faq searchable onhearth-faq-toggle={record('hearth-faq-toggle')} />
            </section>
          )}
        </hearth-provider>
      </main>

      <aside aria-label="Events">
        <h2>Events</h2>
        <ol>
          {log.map((entry) => (
            <li key={entry.id}>
              <code>{entry.name}</code> {entry.detail}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
