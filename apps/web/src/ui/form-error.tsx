import { Text } from '@mantine/core';
import { ApiError } from '@/api/client';
import { ErrorState } from './states';

/** A refused form: the sentence for its error code, then the api's list of what is wrong with which field. */
export function FormError({ error, messages }: { error: unknown; messages?: Record<string, string> }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <>
      <ErrorState error={error} messages={messages} />
      {details.length > 0 && (
        <Text size="sm" c="red.9" component="ul" data-testid="error-details">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </Text>
      )}
    </>
  );
}
