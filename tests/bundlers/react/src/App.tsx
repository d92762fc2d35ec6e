// A React 19 component rendering <news-chart>, typed by the package's JSX entry.
import { useEffect, useRef, useState } from 'react';
import 'newschart';
import type { InteractDetail, NewsChartElement } from 'newschart';

export function App() {
  const ref = useRef<NewsChartElement>(null);
  const [last, setLast] = useState<InteractDetail | null>(null);
  useEffect(() => {
    const el = ref.current;
    const on = (e: CustomEvent<InteractDetail>) => setLast(e.detail);
    el?.addEventListener('newschart:interact', on);
    return () => el?.removeEventListener('newschart:interact', on);
  }, []);
  return (
    <main>
      <h1>newschart in a React 19 app</h1>
      <news-chart id="employment" src="feeds/employment.json" height={110} />
      <news-chart id="hamlets" ref={ref} src="feeds/hamlets.json" height="340" theme="light" className="chart" />
      <p id="last">{last ? `${last.category} ${last.value}` : ''}</p>
    </main>
  );
}
