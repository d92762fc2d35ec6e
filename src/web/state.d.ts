// The View's parts and state that the modules of each concern set and read (view.js sets the rest
// in its constructor). Declarations for the type check only (scripts/typecheck.sh): nothing ships.

import type { Meta, Rect } from './boundary.js';
import type { importChecked } from './lazy.js';
import type { Instance } from './wasm.js';

declare module './view.js' {
  interface View {
    // The parts of the figure (dom.js).
    _fig: HTMLElement;
    _title: HTMLDivElement;
    _subtitle: HTMLParagraphElement;
    _tabs: HTMLDivElement;
    _legend: HTMLUListElement;
    _plot: HTMLDivElement;
    _table: HTMLDivElement;
    _crosshair: HTMLDivElement;
    _tools: HTMLDivElement;
    _tableBtn: HTMLButtonElement;
    _dlBtn: HTMLButtonElement;
    _dlMenu: HTMLDivElement;
    _dlPng: HTMLButtonElement;
    _dlCsv: HTMLButtonElement;
    _canvas: HTMLCanvasElement;
    _tooltip: HTMLDivElement;
    _status: HTMLDivElement;
    _error: HTMLDivElement;
    _illustrative: HTMLParagraphElement;
    _notes: HTMLUListElement;
    // The static image over the figure until the first frame, and its feed's fingerprint (static.js).
    _static?: HTMLDivElement | null;
    _staticFeed?: string | null;
    _source: HTMLParagraphElement;
    _stale: HTMLParagraphElement;
    _live: HTMLDivElement;
    /** The wasm instance that made the chart shown (wasm.js). */
    _gen: Instance | null;
    /** The words of the chart shown (words.js). */
    _meta: Meta | null;
    /** Its language, once a feed is read. */
    _locale: 'zh' | 'en' | null;
    /** The feed text shown, and its ETag (fetch.js). */
    _text: string | null;
    _etag: string | null;
    /** Settles when the problems of the last load have their words (error.js). */
    _explaining: Promise<unknown> | null;
    /** When the data on screen was read; the feed's warnings with their words (problems.js). */
    _shownAt: Date | null;
    _warned: unknown;
    _connected: boolean;
    /** The plot's size as last laid out, and the plot area in it (resize.js). */
    _height: number;
    _plotBox: Rect | null;
    _dprQuery: MediaQueryList | null;
    _dprChange: () => void;
    /** The legend is under the plot (legend.js). */
    _narrow: boolean;
    /** The table is shown instead of the plot (table.js), and its pending frame. */
    _tableOn: boolean;
    _tableFrame: number;
    /** A transition's pending frame (transition.js). */
    _anim: number;
    /** The point the mouse was last over (pointer.js). */
    _lastHover: number;
    /** Polling (refresh.js). */
    _refreshTimer: ReturnType<typeof setInterval> | null;
    _polling: boolean;
    /** What problems.js and download.js import the builder's module with. */
    _import: typeof importChecked;
  }
}
