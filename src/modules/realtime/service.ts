import type http from "http"
import { Server, Socket } from "socket.io"
import { createAdapter } from "@socket.io/redis-adapter"
import { Emitter } from "@socket.io/redis-emitter"
import type { ConfigModule, Logger } from "@medusajs/framework/types"
import { getAuthContextFromJwtToken } from "@medusajs/framework/http"
import { parseCorsOrigins } from "@medusajs/framework/utils"
import { RateLimitOptions } from "../../lib/plugin-options"
import { PluginOptionsDependencies } from "../../lib/module-loaders/plugin-options"
import { closeRedis, connectRedis } from "../../lib/plugin-redis"
import { RateLimits } from "../../lib/rate-limit/rate-limits"
import { armListen, disarmListen } from "./listen-patch"
import { byCustomer, byIp, limitConnections } from "./connection-limit"
import type { RealtimeRedis } from "./loaders/redis"
import { userRoom, WAITLIST_ROOM_PATTERN } from "./types"
import { isOnWaitlist } from "./waitlist-membership"

type InjectedDependencies = PluginOptionsDependencies & {
  logger: Logger
  configModule: ConfigModule
  /** Registered by `loaders/redis`. */
  realtimeRedis: RealtimeRedis
}

type JoinRoomAck = (answer: { ok: boolean; error?: string }) => void

/**
 * Socket.io on Medusa's own HTTP server (same port, path /socket.io). Without a socket
 * server in this process (worker mode) pushes go through the Redis emitter instead.
 */
export default class RealtimeModuleService {
  protected readonly rateLimits_: RateLimitOptions
  protected readonly logger_: Logger
  protected readonly configModule_: ConfigModule
  protected readonly redis_: RealtimeRedis
  protected io_: Server | null = null
  protected emitter_: Emitter | null = null
  protected listenHandler_: ((server: http.Server) => void) | null = null

  __hooks = {
    onApplicationStart: async () => this.start_(),
    onApplicationPrepareShutdown: async () => this.close_(),
  }

  constructor(deps: InjectedDependencies) {
    this.rateLimits_ = deps.pluginOptions.rateLimits
    this.logger_ = deps.logger
    this.configModule_ = deps.configModule
    this.redis_ = deps.realtimeRedis
  }

  /** Pushes `event` to every socket of the customer, in any server process. */
  async emitToCustomer(customerId: string, event: string, payload: Record<string, unknown>) {
    this.emitTo(userRoom(customerId), event, payload)
  }

  emitTo(room: string, event: string, payload: Record<string, unknown>) {
    if (this.io_) {
      this.io_.to(room).emit(event, payload)
    } else if (this.emitter()) {
      this.emitter()!.to(room).emit(event, payload)
    }
  }

  /** The socket server, when this process runs one (tests and diagnostics). */
  server(): Server | null {
    return this.io_
  }

  /** With several processes pushes must cross them: through the plugin's Redis when there is one. */
  protected emitter(): Emitter | null {
    const client = this.redis_.emitter
    if (!this.emitter_ && client) {
      connectRedis(client)
      this.emitter_ = new Emitter(client)
    }
    return this.emitter_
  }

  protected async start_() {
    if (this.configModule_.projectConfig.workerMode === "worker") {
      // Connected before the first push: the fail-fast client drops what is published while it connects.
      this.emitter()
      return
    }
    this.listenHandler_ = (server) => this.attach_(server)
    armListen(this.listenHandler_)
  }

  protected attach_(server: http.Server) {
    // Origins as Medusa reads `storeCors` (regexes included). A browser's WebSocket is not subject
    // to CORS, so the handshake checks the Origin it sends; clients without one still need a token.
    const origins = parseCorsOrigins(this.configModule_.projectConfig.http.storeCors ?? "")
    const originAllowed = (origin: string | undefined) =>
      !origin || origins.some((allowed) => (allowed instanceof RegExp ? allowed.test(origin) : allowed === origin))
    const io = new Server(server, {
      path: "/socket.io",
      cors: { origin: origins, credentials: true },
      allowRequest: (req, callback) => callback(null, originAllowed(req.headers.origin)),
    })
    const { adapterPub, adapterSub, counters } = this.redis_
    if (adapterPub && adapterSub) {
      connectRedis(adapterPub)
      connectRedis(adapterSub)
      io.adapter(createAdapter(adapterPub, adapterSub))
    }
    connectRedis(counters)
    const limits = new RateLimits(this.rateLimits_, counters, this.logger_)
    // Attempts per IP are counted before the token is verified, so a flood costs no signature checks.
    io.use(limitConnections(limits, "socketIp", byIp))
    io.use((socket, next) => {
      const auth = this.authenticate_(socket)
      if (!auth) {
        return next(new Error("Unauthorized: a valid customer token is required"))
      }
      socket.data.customerId = auth.customerId
      socket.data.expiresAt = auth.expiresAt
      next()
    })
    io.use(limitConnections(limits, "socketCustomer", byCustomer))
    io.use((socket, next) => {
      const expiresAt = socket.data.expiresAt as number | null
      if (expiresAt) {
        // The socket lives no longer than its token (armed only for sockets that get through).
        const timer = setTimeout(() => socket.disconnect(true), Math.min(expiresAt - Date.now(), 2 ** 31 - 1))
        socket.once("disconnect", () => clearTimeout(timer))
      }
      next()
    })
    io.on("connection", (socket) => this.onConnection_(socket))
    this.io_ = io
    this.logger_.info("[realtime] Socket.io attached to the Medusa HTTP server at /socket.io")
  }

  /**
   * A customer token from the handshake's `auth` payload only (a query string ends up in access
   * logs), verified as Medusa's own `authenticate` does: `jwtPublicKey` and `jwtVerifyOptions`
   * honoured, expiry enforced.
   */
  protected authenticate_(socket: Socket): { customerId: string; expiresAt: number | null } | null {
    const raw = socket.handshake.auth?.token
    const token = typeof raw === "string" ? raw.replace(/^Bearer\s+/i, "") : null
    if (!token) {
      return null
    }
    const http = this.configModule_.projectConfig.http
    const verified = getAuthContextFromJwtToken(
      `Bearer ${token}`,
      http.jwtSecret as string,
      ["bearer"],
      ["customer"],
      http.jwtPublicKey,
      http.jwtVerifyOptions ?? http.jwtOptions,
      this.logger_
    ) as { actor_id?: unknown; exp?: number } | null
    if (!verified || typeof verified.actor_id !== "string" || !verified.actor_id) {
      return null
    }
    return { customerId: verified.actor_id, expiresAt: typeof verified.exp === "number" ? verified.exp * 1000 : null }
  }

  protected onConnection_(socket: Socket) {
    const customerId = socket.data.customerId as string
    void socket.join(userRoom(customerId))
    socket.on("join_room", async (room: unknown, ack?: JoinRoomAck) => {
      const reply: JoinRoomAck = typeof ack === "function" ? ack : () => undefined
      const match = typeof room === "string" ? WAITLIST_ROOM_PATTERN.exec(room) : null
      if (!match) {
        return reply({ ok: false, error: "Unknown room" })
      }
      try {
        if (!(await isOnWaitlist(match[1], customerId))) {
          return reply({ ok: false, error: "You are not on this waitlist" })
        }
        await socket.join(room as string)
        reply({ ok: true })
      } catch (error) {
        this.logger_.warn(`[realtime] join_room failed: ${(error as Error).message}`)
        reply({ ok: false, error: "Could not join the room" })
      }
    })
    socket.on("leave_room", async (room: unknown, ack?: JoinRoomAck) => {
      if (typeof room === "string") {
        await socket.leave(room)
      }
      if (typeof ack === "function") {
        ack({ ok: true })
      }
    })
  }

  protected async close_() {
    if (this.listenHandler_) {
      disarmListen(this.listenHandler_)
      this.listenHandler_ = null
    }
    const io = this.io_
    this.io_ = null
    if (io) {
      // Medusa closes its own HTTP server; only the sockets and the engine are ours.
      io.local.disconnectSockets(true)
      io.engine.close()
    }
    this.emitter_ = null
    await Promise.all(Object.values(this.redis_).map((client) => closeRedis(client)))
  }
}
