import { useQuery } from "@tanstack/react-query"
import { queryKeysFactory } from "../../lib/query-keys"
import { sdk } from "../../lib/sdk"

/** A variant as the offer form shows it: the product's title tells what is sold. */
export type VariantOption = {
  id: string
  title: string
  sku: string | null
  product_title: string
  manage_inventory: boolean
}

export const variantOptionQueryKeys = queryKeysFactory<"monetization_variant_option", { q?: string; ids?: string[] }>(
  "monetization_variant_option"
)

type VariantLike = {
  id: string
  title?: string | null
  sku?: string | null
  manage_inventory?: boolean | null
  product?: { title?: string | null } | null
}

const toOption = (variant: VariantLike, productTitle?: string | null): VariantOption => ({
  id: variant.id,
  title: variant.title ?? variant.id,
  sku: variant.sku ?? null,
  product_title: productTitle ?? variant.product?.title ?? "",
  manage_inventory: !!variant.manage_inventory,
})

export const variantLabel = (option: VariantOption) =>
  [option.product_title, option.title].filter(Boolean).join(" · ") + (option.sku ? ` (${option.sku})` : "")

const VARIANT_FIELDS = "id,title,sku,manage_inventory"
const PRODUCT_FIELDS = "id,title,variants.id,variants.title,variants.sku,variants.manage_inventory"

/**
 * Variants of the products matching `q`: product search covers the product title,
 * which is what tells a t-shirt from a ticket (variant titles are often just a size).
 */
export const useVariantSearch = (q: string) => {
  const { data, ...rest } = useQuery({
    queryKey: variantOptionQueryKeys.list({ q }),
    queryFn: async () => {
      const { products } = await sdk.admin.product.list({
        q: q || undefined,
        limit: 20,
        order: "title",
        fields: PRODUCT_FIELDS,
      })
      return products.flatMap((product) => (product.variants ?? []).map((variant) => toOption(variant, product.title)))
    },
    placeholderData: (previous) => previous,
  })
  return { options: data ?? [], ...rest }
}

/** The variants with these ids (to label a stored selection that a search did not return). */
export const useVariantsByIds = (ids: string[]) => {
  const { data, ...rest } = useQuery({
    queryKey: variantOptionQueryKeys.list({ ids }),
    queryFn: async () => {
      const { variants } = await sdk.admin.productVariant.list({
        id: ids,
        limit: ids.length,
        fields: `${VARIANT_FIELDS},product.title`,
      })
      return variants.map((variant) => toOption(variant as VariantLike))
    },
    enabled: ids.length > 0,
  })
  return { options: data ?? [], ...rest }
}

/** The event product's own variants: its ticket tiers and sessions. */
export const useEventVariants = (productId: string | undefined) => {
  const { data, ...rest } = useQuery({
    queryKey: [...variantOptionQueryKeys.detail(productId ?? ""), "event"],
    queryFn: async () => {
      const { product } = await sdk.admin.product.retrieve(productId!, {
        fields: PRODUCT_FIELDS,
      })
      return (product.variants ?? []).map((variant) => toOption(variant, product.title))
    },
    enabled: !!productId,
  })
  return { options: data ?? [], ...rest }
}
