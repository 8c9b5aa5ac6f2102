/** The studio's JSON API as the page calls it: one fetch wrapper that always resolves, with the server's error or a connection message. */

export type Answer<T> = T & { error?: string };

export function api<T extends object>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
  const init: RequestInit = { method, headers: {}, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers = { 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  return fetch(path, init).then(
    (response) =>
      response
        .json()
        .catch(() => ({}))
        .then((data: Answer<T>) => {
          if (!response.ok && !data.error) data.error = `HTTP ${response.status}`;
          return data;
        }),
    () =>
      ({
        error: 'スタジオに接続できません。ターミナルで tsunagu studio が動いているか確認してください。',
      }) as Answer<T>,
  );
}
