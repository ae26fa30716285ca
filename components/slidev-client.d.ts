/**
 * The part of `@slidev/client` the kit's composables use, for `npm run
 * typecheck` only (tsconfig `paths`). Slidev ships its client as TypeScript
 * source that needs its build-time globals and virtual modules, so tsc
 * cannot check it from here. Keep this in step with
 * node_modules/@slidev/client/index.ts when Slidev is upgraded.
 */
declare module '@slidev/client' {
  import type { ComputedRef, Ref } from 'vue'

  export interface SharedState {
    page: number
    clicks: number
    clicksTotal: number
    lastUpdate?: { id: string, type: 'presenter' | 'viewer', time: number }
  }
  export const sharedState: SharedState
  /** The deck's headmatter, resolved (custom keys such as `deck` included). */
  export const configs: Record<string, unknown>
  export const slideWidth: ComputedRef<number>
  export const slideAspect: ComputedRef<number>
  export function useNav(): {
    isPrintMode: Ref<boolean>
    isPresenter: Ref<boolean>
    currentSlideNo: Ref<number>
    hasNext: Ref<boolean>
    hasPrev: Ref<boolean>
    next: () => Promise<void> | void
    prev: () => Promise<void> | void
    go: (no: number | string, clicks?: number) => Promise<void> | void
  }
  export function useSlideContext(): {
    $renderContext: Ref<string>
    $page: Ref<number>
  }
  export function useIsSlideActive(): ComputedRef<boolean>
  export function onSlideEnter(cb: (to: number, from: number | undefined) => unknown): void
}
