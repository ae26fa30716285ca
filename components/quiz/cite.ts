import type { Component, InjectionKey } from 'vue'

/**
 * The component a quiz uses for the citation markers after its explanation.
 * The deck provides `components/Cite.vue` (a link to the Sources slide); the
 * reading view provides its own. Without one, no markers are drawn.
 */
export const CITE_COMPONENT: InjectionKey<Component> = Symbol('kit-cite')
