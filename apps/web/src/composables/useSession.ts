import { readonly, ref } from 'vue';
import { currentUser, type SignedInUser, signOut as endSession } from '@/api/system/session';
import { RequestError } from '@/utils/request';

const user = ref<SignedInUser | null>(null);

/** The township this server serves, written into the page by the server (known before sign-in). */
export const townshipName = (): string =>
  document.querySelector<HTMLMetaElement>('meta[name="sunshine-township"]')?.content || user.value?.township || '';

/** The signed-in user, shared by every page; the session itself is the HttpOnly cookie. */
export const useSession = () => ({
  user: readonly(user),
  /** Asks the server who is signed in; false when no one is. */
  async load(): Promise<boolean> {
    try {
      user.value = await currentUser();
      return true;
    } catch (error) {
      if (error instanceof RequestError && error.refusal.status === 401) {
        user.value = null;
        return false;
      }
      throw error;
    }
  },
  signedIn(who: SignedInUser) {
    user.value = who;
  },
  forget() {
    user.value = null;
  },
  async signOut() {
    try {
      await endSession();
    } finally {
      user.value = null;
    }
  },
});
