import { createApp } from 'vue';
import '@fontsource-variable/noto-sans-sc';
import 'element-plus/dist/index.css';
import './styles/index.css';
import App from './App.vue';
import { router } from './router';

createApp(App).use(router).mount('#app');
