import type http from "http"
import { Server } from "socket.io"
import { createAdapter } from "@socket.io/redis-adapter"
import { Emitter } from "@socket.io/redis-emitter"
import type { ConfigModule, Logger } from "@medusajs/framework/types"
import { parseCorsOrigins } from "@medusajs/framework/utils"
import { RateLimitOptions } from "../../lib/plugin-options"
import { PluginOptionsDependencies } from "../../lib/module-loaders/plugin-options"
import { closeRedis, connectRedis } from "../../lib/plugin-redis"
import { RateLimits } from "../../lib/rate-limit/rate-limits"
import { armListen, disarmListen } from "./listen-patch"
import { byCustomer, byIp, limitConnections } from "./connection-limit"
import type { RealtimeRedis } from "./loaders/redis"
import { handleRooms } from "./rooms"
import { disconnectAtTokenExpiry, requireCustomer } from "./socket-auth"
import { userRoom } from "./types"

type InjectedDependencies = PluginOptionsDependencies & {
  logger: Logger
  configModule: ConfigModule
  /** Registered by `loaders/redis`. */
  realtimeRedis: RealtimeRedis
}

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
    io.use(requireCustomer(this.configModule_, this.logger_))
    io.use(limitConnections(limits, "socketCustomer", byCustomer))
    io.use(disconnectAtTokenExpiry)
    io.on("connection", (socket) => handleRooms(socket, this.logger_))
    this.io_ = io
    this.logger_.info("[realtime] Socket.io attached to the Medusa HTTP server at /socket.io")
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
