import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './components/Layout';
import { ScreenError } from './components/ScreenError';
import { AdvisorScreen, AdvisorsScreen } from './screens/AdvisorsScreen';
import { AnalyticsScreen } from './screens/AnalyticsScreen';
import { CaseScreen } from './screens/CaseScreen';
import { ConflictsScreen } from './screens/ConflictsScreen';
import { CountriesScreen } from './screens/CountriesScreen';
import { DossierScreen } from './screens/DossierScreen';
import { HistoryScreen } from './screens/HistoryScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ImportScreen } from './screens/ImportScreen';
import { MemberScreen, MembersScreen } from './screens/MembersScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { PackBuilderScreen } from './screens/PackBuilderScreen';
import { ProfilesScreen } from './screens/ProfilesScreen';
import { ProjectReportScreen } from './screens/ProjectReportScreen';
import { ProjectScreen } from './screens/ProjectScreen';
import { ProjectsScreen } from './screens/ProjectsScreen';
import { SchemeScreen, SchemesScreen } from './screens/SchemesScreen';
import { SearchScreen } from './screens/SearchScreen';
import { SectorScreen } from './screens/SectorScreen';
import { SyncScreen } from './screens/SyncScreen';
import { VisitScreen } from './screens/VisitScreen';
import { VisitsScreen } from './screens/VisitsScreen';

// Hash routes: the same URLs work when Electron loads the app from a file and when browser mode serves it.
export const routes = [
  {
    path: '/',
    element: <Layout />,
    // A screen that fails shows in the app's frame, with its navigation, not as React Router's page for developers.
    errorElement: (
      <Layout>
        <ScreenError />
      </Layout>
    ),
    children: [
      { index: true, element: <HomeScreen /> },
      { path: 'countries', element: <CountriesScreen /> },
      { path: 'dossier/:country', element: <DossierScreen /> },
      { path: 'dossier/:country/profiles', element: <ProfilesScreen /> },
      { path: 'case/:id', element: <CaseScreen /> },
      { path: 'case/:id/history', element: <HistoryScreen /> },
      { path: 'visits', element: <VisitsScreen /> },
      { path: 'visit/:id', element: <VisitScreen /> },
      { path: 'projects', element: <ProjectsScreen /> },
      { path: 'projects/report', element: <ProjectReportScreen /> },
      { path: 'project/:no', element: <ProjectScreen /> },
      { path: 'analytics', element: <AnalyticsScreen /> },
      { path: 'search', element: <SearchScreen /> },
      { path: 'import', element: <ImportScreen /> },
      { path: 'pack', element: <PackBuilderScreen /> },
      { path: 'sync', element: <SyncScreen /> },
      { path: 'conflicts', element: <ConflictsScreen /> },
      { path: 'council', element: <SchemesScreen /> },
      { path: 'council/schemes/:id', element: <SchemeScreen /> },
      { path: 'council/members', element: <MembersScreen /> },
      { path: 'council/members/:id', element: <MemberScreen /> },
      { path: 'council/advisors', element: <AdvisorsScreen /> },
      { path: 'council/advisors/:id', element: <AdvisorScreen /> },
      { path: 'council/sectors', element: <SectorScreen /> },
      { path: 'council/sectors/:sector', element: <SectorScreen /> },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
];

export function App() {
  // Created on first render, after main.tsx has taken browser mode's token out of the URL fragment.
  const [router] = useState(() => createHashRouter(routes));
  return <RouterProvider router={router} />;
}
