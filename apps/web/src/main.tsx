import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import './ui/shell-styles';
import { initialLang, setLang } from './i18n';
import { Providers } from './app/providers';
import { router } from './app/router';

void setLang(initialLang()).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  );
});
