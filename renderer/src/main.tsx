// First: asks main for the first screen's two answers while the rest of the code is evaluated.
import './app/queryClient';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/spotlight/styles.css';
import 'mantine-datatable/styles.css';
import './app/loaders.css';
import './i18n';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(<App />);
