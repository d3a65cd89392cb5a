import { createApp } from 'vue';
// Register <hearth-provider> before the widgets that consume its context.
import '@hearth/core/hearth-provider.js';
import '@hearth/assessment/hearth-assessment.js';
import '@hearth/faq/hearth-faq.js';
import App from './App.vue';

createApp(App).mount('#app');
