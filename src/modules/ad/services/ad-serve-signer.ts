import type { ConfigModule } from "@medusajs/framework/types"
import type { AdsOptions } from "../../../lib/plugin-options"
import type { PluginOptionsDependencies } from "../../../lib/module-loaders/plugin-options"
import { deriveAdSigningKey, ServeCheck, signServe, verifyServe } from "../lib/signing"

type InjectedDependencies = PluginOptionsDependencies & { configModule?: ConfigModule }

/** The secret Medusa signs tokens with; outside production a missing JWT_SECRET is Medusa's "supersecret" too. */
function jwtSecretOf(dependencies: InjectedDependencies): string {
  try {
    const config = dependencies.configModule as { projectConfig?: { http?: { jwtSecret?: string } } } | undefined
    return config?.projectConfig?.http?.jwtSecret || process.env.JWT_SECRET || "supersecret"
  } catch {
    return process.env.JWT_SECRET || "supersecret"
  }
}

/** Serve tokens: what ties a billable impression or click to a serve of that ad to that viewer. */
export class AdServeSigner {
  protected readonly options_: AdsOptions
  protected readonly key_: Buffer

  constructor(dependencies: InjectedDependencies) {
    this.options_ = dependencies.pluginOptions.ads
    this.key_ = deriveAdSigningKey(this.options_.clickSecret, jwtSecretOf(dependencies))
  }

  sign(adId: string, viewerKey: string, now: Date): { token: string; expires_at: Date } {
    const expiresAt = new Date(now.getTime() + this.options_.signedUrlTtlMinutes * 60_000)
    return { token: signServe(this.key_, adId, viewerKey, expiresAt), expires_at: expiresAt }
  }

  check(adId: string, viewerKey: string | null, token: string | null | undefined, now: Date): ServeCheck {
    return verifyServe(this.key_, adId, viewerKey, token, now)
  }
}
