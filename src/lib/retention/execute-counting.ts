import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/** Runs one bound statement through knex and answers how many rows it touched (pg's rowCount). */
export async function executeCounting(manager: EntityManager, sql: string, bindings: unknown[]): Promise<number> {
  const knex = manager.getTransactionContext() ?? manager.getKnex()
  const result: { rowCount?: number | null } = await knex.raw(sql, bindings as never[])
  return Number(result.rowCount ?? 0)
}
