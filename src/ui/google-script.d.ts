/** The slice of the client-side `google.script` API (HtmlService iframe) the sidebar uses; only rpc-client.ts touches it. */

declare namespace GoogleScriptClient {
  /**
   * `google.script.run`: each with… call returns a new runner; a server function is then invoked
   * by name and answers through the handlers, never through its return value.
   */
  interface Runner {
    withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): Runner;
    withFailureHandler(handler: (error: unknown, userObject?: unknown) => void): Runner;
    /** Server functions, looked up by name (they exist only at run time). */
    [serverFunction: string]: (...args: never[]) => unknown;
  }

  interface Script {
    run: Runner;
  }

  interface Host {
    script: Script;
  }
}

/** Present inside the Apps Script sidebar and in the local studio's fake; absent when the page is opened alone. */
declare var google: GoogleScriptClient.Host | undefined;
