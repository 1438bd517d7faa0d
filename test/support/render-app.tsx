import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../../renderer/i18n';
import { routes } from '../../renderer/App';

/** Renders the whole app (layout, routes) at `path`, as a user would land there; returns the router to follow navigation. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}
