import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { EXAMPLE_TABS } from './examples';
import { fetcher } from './result-store';
import { ExportCsvButton } from './ExportCsvButton';

/** The analysts' query explorer at /graphiql: GraphiQL from our own bundle, no CDN. */
createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher as never} defaultTabs={EXAMPLE_TABS} defaultEditorToolsVisibility="variables">
      <GraphiQL.Toolbar>
        {({ prettify, copy, merge }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <ExportCsvButton />
          </>
        )}
      </GraphiQL.Toolbar>
    </GraphiQL>
  </StrictMode>,
);
