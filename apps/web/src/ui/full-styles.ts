// Mantine's whole stylesheet and the notification toasts': loaded with every page after the first screen.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
