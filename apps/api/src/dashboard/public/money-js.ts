// The dashboard's money formatter, served as /dashboard/money.js (see index-html.ts for why a
// string module). Plain browser JavaScript inside String.raw: no backtick and no dollar-brace in it.
export const MONEY_JS = String.raw`'use strict';
/**
 * Money as a township reads it: integer minor units (分 for CNY) shown in 元, 万元 or 亿元 with
 * two decimals, rounded half up. Exact: BigInt arithmetic on the integer, never a float.
 */
var SunshineMoney = (function () {
  var NAMES = { CNY: '元', USD: '美元', EUR: '欧元', JPY: '日元', HKD: '港元', GBP: '英镑' };
  var MINOR_DIGITS = { JPY: 0, KRW: 0, VND: 0 };
  var TEN = BigInt(10);

  function pow10(n) {
    var result = BigInt(1);
    for (var i = 0; i < n; i++) result = result * TEN;
    return result;
  }

  function groupThousands(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  /** minor / 10^shift, rounded half up to two decimals, as text. */
  function shifted(minor, shift) {
    var divisor = pow10(shift);
    var hundredths = (minor * BigInt(100) + divisor / BigInt(2)) / divisor;
    var whole = hundredths / BigInt(100);
    var cents = hundredths % BigInt(100);
    return groupThousands(whole.toString()) + '.' + (cents < TEN ? '0' : '') + cents.toString();
  }

  /** { amount: '1.70', unit: '亿元' } for 17000000000 分; null for what is not a safe integer. */
  function format(minor, currency) {
    if (typeof minor !== 'number' || !Number.isSafeInteger(minor)) return null;
    var value = BigInt(minor);
    var sign = value < BigInt(0) ? '-' : '';
    if (sign) value = -value;
    var digits = Object.prototype.hasOwnProperty.call(MINOR_DIGITS, currency) ? MINOR_DIGITS[currency] : 2;
    var name = Object.prototype.hasOwnProperty.call(NAMES, currency) ? NAMES[currency] : currency;
    var scaled = function (prefix) { return name === currency ? prefix + ' ' + name : prefix + name; };
    if (value >= pow10(digits + 8)) return { amount: sign + shifted(value, digits + 8), unit: scaled('亿') };
    if (value >= pow10(digits + 4)) return { amount: sign + shifted(value, digits + 4), unit: scaled('万') };
    return { amount: sign + shifted(value, digits), unit: name };
  }

  /** Adds money maps currency by currency ({ CNY: 1 } + { CNY: 2, USD: 3 }); never converts. */
  function add(maps) {
    var sums = {};
    maps.forEach(function (map) {
      Object.keys(map || {}).forEach(function (currency) {
        if (Number.isSafeInteger(map[currency])) sums[currency] = (sums[currency] || BigInt(0)) + BigInt(map[currency]);
      });
    });
    var result = {};
    Object.keys(sums).forEach(function (currency) {
      var sum = sums[currency];
      if (sum <= BigInt(Number.MAX_SAFE_INTEGER)) result[currency] = Number(sum);
    });
    return result;
  }

  /** The currencies of a money map, CNY first. */
  function currencies(map) {
    return Object.keys(map || {}).sort(function (a, b) {
      if (a === b) return 0;
      if (a === 'CNY') return -1;
      if (b === 'CNY') return 1;
      return a < b ? -1 : 1;
    });
  }

  function text(minor, currency) {
    var formatted = format(minor, currency);
    return formatted ? formatted.amount + ' ' + formatted.unit : '—';
  }

  return { format: format, add: add, currencies: currencies, text: text };
})();
`;
