/** The studio's stand-in for Apps Script's client-side `google.script` (run, host, url) and its injection into dist/Sidebar.html. */

/**
 * The key that marks a value JSON cannot carry (a Date, undefined, a function, NaN…) in a
 * google.script.run payload, so the server can rebuild it and apply google.script.run's rules.
 */
export const WIRE_TAG = '$tsunagu';

/**
 * The shim, as a classic script. It runs before the sidebar's own script, as Apps Script's
 * client library does. Written in ES2017 without template literals so it can live in a string.
 */
const SHIM_SOURCE = String.raw`(function () {
  'use strict';
  var TAG = '__TAG__';
  var RESERVED = { withSuccessHandler: 1, withFailureHandler: 1, withUserObject: 1 };

  function tagged(type, extra) {
    var out = {};
    out[TAG] = type;
    if (extra !== undefined) out.value = extra;
    return out;
  }

  /** Form elements travel as {name: value} objects, as in Apps Script; everything else keeps its JSON shape or is tagged. */
  function encode(value, stack) {
    if (value === undefined) return tagged('undefined');
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return isFinite(value) ? value : tagged('number', String(value));
    if (typeof value === 'function') return tagged('function', value.name || '');
    if (typeof value === 'bigint' || typeof value === 'symbol') return tagged('unsupported', typeof value);
    // toString tags, not instanceof: a value made in another frame has that frame's classes.
    var kind = Object.prototype.toString.call(value);
    if (kind === '[object Date]') return tagged('date', isNaN(value.getTime()) ? null : value.toISOString());
    if (stack.indexOf(value) >= 0) throw new Error('google.script.run: the arguments contain a cycle');
    if (typeof HTMLFormElement !== 'undefined' && value instanceof HTMLFormElement) return encodeForm(value);
    stack.push(value);
    try {
      if (Array.isArray(value)) return value.map(function (item) { return encode(item, stack); });
      var proto = Object.getPrototypeOf(value);
      var plain = kind === '[object Object]' && (proto === null ||
        (Object.getPrototypeOf(proto) === null && typeof proto.constructor === 'function' && proto.constructor.name === 'Object'));
      if (!plain) {
        var ctor = proto && proto.constructor && proto.constructor.name;
        return tagged('unsupported', ctor || kind.slice(8, -1));
      }
      var out = {};
      Object.keys(value).forEach(function (key) { out[key] = encode(value[key], stack); });
      return out;
    } finally {
      stack.pop();
    }
  }

  function encodeForm(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled) return;
      if ((field.type === 'checkbox' || field.type === 'radio') && !field.checked) return;
      if (field.type === 'file') return;
      var value = field.type === 'select-multiple'
        ? Array.prototype.filter.call(field.options, function (o) { return o.selected; }).map(function (o) { return o.value; })
        : field.value;
      if (Object.prototype.hasOwnProperty.call(out, field.name)) {
        out[field.name] = [].concat(out[field.name], value);
      } else {
        out[field.name] = value;
      }
    });
    return out;
  }

  function notifyParent(type, detail) {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage({ source: 'tsunagu-shim', type: type, detail: detail }, window.location.origin);
    }
  }

  function later(fn) { setTimeout(fn, 0); }

  function invoke(name, args, success, failure, userObject) {
    function fail(message) {
      var error = new Error(message);
      later(function () {
        if (failure) failure(error, userObject);
        else throw error;
      });
    }
    var body;
    try {
      body = JSON.stringify({ args: encode(args, []) });
    } catch (error) {
      fail(error && error.message ? error.message : String(error));
      return;
    }
    fetch('/api/run/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: body,
    })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        notifyParent('ran', {
          fn: name,
          changed: !!(answer && answer.changed),
          alerts: (answer && answer.alerts) || [],
          toasts: (answer && answer.toasts) || [],
          cost: (answer && answer.cost) || null,
        });
        if (answer && answer.ok === true) {
          later(function () { if (success) success(answer.value === undefined ? null : answer.value, userObject); });
        } else {
          fail(answer && typeof answer.error === 'string' ? answer.error : 'サーバーから応答がありません / no answer from the server');
        }
      }, function () {
        fail('NetworkError: スタジオに接続できません / cannot reach the studio');
      });
  }

  function runner(success, failure, userObject) {
    var base = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (object) { return runner(success, failure, object); },
    };
    // Any other name is a server function, as in Apps Script; the server says when it does not exist.
    return new Proxy(base, {
      get: function (target, prop) {
        if (typeof prop !== 'string') return undefined;
        if (Object.prototype.hasOwnProperty.call(RESERVED, prop)) return target[prop];
        if (prop === 'then' || prop === 'toJSON' || prop in Object.prototype) return Object.prototype[prop];
        return function () {
          invoke(prop, Array.prototype.slice.call(arguments), success, failure, userObject);
        };
      },
    });
  }

  var google = window.google || (window.google = {});
  google.script = {
    run: runner(null, null, undefined),
    host: {
      origin: window.location.origin,
      close: function () { notifyParent('close'); },
      setHeight: function () {},
      setWidth: function () {},
      editor: { focus: function () {} },
    },
    url: {
      getLocation: function (callback) {
        later(function () { callback({ hash: '', parameter: {}, parameters: {} }); });
      },
    },
  };
})();`.replace('__TAG__', WIRE_TAG);

export function shimScript(): string {
  return SHIM_SOURCE;
}

/** dist/Sidebar.html with the shim inserted before its first script (or at the end of <head>, or at the top). */
export function injectShim(sidebarHtml: string): string {
  const tag = `<script data-tsunagu-shim>${SHIM_SOURCE}</script>`;
  const firstScript = sidebarHtml.search(/<script[\s>]/i);
  if (firstScript >= 0) return sidebarHtml.slice(0, firstScript) + tag + sidebarHtml.slice(firstScript);
  const headEnd = sidebarHtml.search(/<\/head>/i);
  if (headEnd >= 0) return sidebarHtml.slice(0, headEnd) + tag + sidebarHtml.slice(headEnd);
  return tag + sidebarHtml;
}
