import http from "http"

/**
 * Medusa's http.Server is a local of its start command, out of a plugin's reach. We patch
 * `http.Server.prototype.listen` once per process (state kept on the prototype under a
 * global symbol, so a second module instance or a second jest file reuses it) and let the
 * realtime service arm a one-shot handler: the first server that listens afterwards is Medusa's.
 */
const STATE_KEY = Symbol.for("medusa-plugin-event-monetization.realtime.listen-patch")

type ListenHandler = (server: http.Server) => void
type PatchState = { original: http.Server["listen"]; handler: ListenHandler | null }
type PatchedPrototype = http.Server & { [STATE_KEY]?: PatchState }

function patchState(): PatchState {
  const proto = http.Server.prototype as PatchedPrototype
  if (!proto[STATE_KEY]) {
    const state: PatchState = { original: proto.listen, handler: null }
    proto[STATE_KEY] = state
    proto.listen = function patchedListen(this: http.Server, ...args: unknown[]) {
      const handler = state.handler
      if (handler) {
        state.handler = null
        handler(this)
      }
      return (state.original as (...a: unknown[]) => http.Server).apply(this, args)
    } as http.Server["listen"]
  }
  return proto[STATE_KEY]!
}

/** The next server to call listen() is handed to `handler` (once). */
export function armListen(handler: ListenHandler) {
  patchState().handler = handler
}

export function disarmListen(handler: ListenHandler) {
  const state = patchState()
  if (state.handler === handler) {
    state.handler = null
  }
}
