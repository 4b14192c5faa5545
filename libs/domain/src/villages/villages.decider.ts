import { alreadyExists, Decider, notFound, unknownEvent } from '../shared';
import { CashBook } from './cash-book';
import { recordExpenditure, recordReceipt, registerDebt, reverseEntry, settleDebt } from './village-finance';
import { VillageCommand } from './villages.commands';
import { VillageEvent } from './villages.events';

export type Village = { registered: false } | { registered: true; villageId: string; name: string; book: CashBook };

const VILLAGE = { zh: '村', en: 'Village' };

/** Cash-book commands need a registered village; the pipeline already answers a missing stream with 404. */
const book = (state: Village, villageId: string): CashBook => {
  if (!state.registered) throw notFound(VILLAGE, villageId, 'data.villageId');
  return state.book;
};

export const villageDecider: Decider<VillageCommand, VillageEvent, Village> = {
  initialState: () => ({ registered: false }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'VillageRegistered':
        return { registered: true, villageId: event.data.villageId, name: event.data.name, book: CashBook.EMPTY };
      case 'ReceiptRecorded':
      case 'ExpenditureRecorded':
      case 'EntryReversed':
      case 'DebtRegistered':
      case 'DebtSettled':
        return state.registered ? { ...state, book: state.book.with(event) } : state;
      default:
        return unknownEvent(event, state);
    }
  },

  decide: (command, state, context) => {
    switch (command.type) {
      case 'RegisterVillage':
        if (state.registered) throw alreadyExists(VILLAGE, command.data.villageId, 'data.villageId');
        return [{ type: 'VillageRegistered', data: { ...command.data } }];
      case 'RecordReceipt':
        return [recordReceipt(command.data, book(state, command.data.villageId), context)];
      case 'RecordExpenditure':
        return [recordExpenditure(command.data, book(state, command.data.villageId), context)];
      case 'ReverseEntry':
        return [reverseEntry(command.data, book(state, command.data.villageId), context)];
      case 'RegisterDebt':
        return [registerDebt(command.data, book(state, command.data.villageId), context)];
      case 'SettleDebt':
        return [settleDebt(command.data, book(state, command.data.villageId), context)];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
};
