import { watch } from 'vue'

/**
 * A quiz input's answer as last set, not as last rendered. Two changes in
 * one tick (assistive technology, autofill, a test driving the page) would
 * otherwise each start from the same stale `modelValue` prop, and the
 * second would undo the first. `set` emits the new value and remembers it.
 */
export function useLatestModel<T>(props: { modelValue: T }, emit: (value: T) => void) {
  let latest = props.modelValue
  watch(() => props.modelValue, (v) => {
    latest = v
  }, { flush: 'sync' })
  return {
    get: () => latest,
    set(value: T) {
      latest = value
      emit(value)
    },
  }
}
