import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { townshipName, useSession } from '@/composables/useSession';
import { whenUnauthorized } from '@/utils/request';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page's name in the menu, the breadcrumbs and the window title. */
    title?: string;
    /** Element Plus icon of its menu entry; a page without one is not in the menu. */
    icon?: string;
    /** Open without signing in. */
    public?: boolean;
  }
}

/**
 * The app's pages; each is loaded when first opened, so the sign-in page loads none of the
 * others. A page is listed here only once it works: the API serves the app at every route of
 * the address space it has reserved (see apps/api/src/web), and an unlisted one says it does not exist.
 */
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/login/index.vue'),
    meta: { title: '登录', public: true },
  },
  {
    path: '/',
    component: () => import('@/layout/index.vue'),
    children: [
      {
        path: '',
        name: 'overview',
        component: () => import('@/views/overview/index.vue'),
        meta: { title: '本届概览', icon: 'DataAnalysis' },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/error/404.vue'),
    meta: { title: '页面不存在', public: true },
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

const session = useSession();

router.beforeEach(async (to) => {
  if (to.meta.public || session.user.value) return true;
  if (await session.load()) return true;
  return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
});

router.afterEach((to) => {
  document.title = [to.meta.title, townshipName(), '阳光台账'].filter(Boolean).join(' · ');
});

// A session that lapsed while a page was open (signed out elsewhere, revoked, server restarted).
whenUnauthorized(() => {
  session.forget();
  const here = router.currentRoute.value;
  if (here.meta.public) return;
  void router.push({
    name: 'login',
    query: { expired: '1', ...(here.fullPath === '/' ? {} : { redirect: here.fullPath }) },
  });
});
