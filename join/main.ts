/**
 * The join page: what a student's phone shows at the classroom server's
 * join URL (`/join/`). Built by scripts/build-join.ts into `dist/join/`.
 * See JoinApp.vue and docs/classroom.md ("Wiring the deck and the join page").
 */
import { createApp } from 'vue'
import JoinApp from './JoinApp.vue'
import './join.css'

createApp(JoinApp).mount('#app')
