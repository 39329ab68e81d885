// Recognises the plain scalars that go-yaml v2 treats as timestamps: the four layouts it hands to
// Go's time.Parse ("2006-1-2T15:4:5.999999999Z07:00", the same with a lower-case "t",
// "2006-1-2 15:4:5.999999999" and "2006-1-2"), with time.Parse's own acceptance rules (1- or
// 2-digit month/day/hour/minute/second, range checks, day-of-month check, optional fraction
// introduced by "." or ",", one or more spaces where the layout has one, zone "Z" or ±hh:mm).

const DIGIT_0 = 48;

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function daysInMonth(month: number, year: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Cursor shared by the small readers below (the module is single-threaded and non-reentrant).
let pos = 0;
let num = 0;

/** Go's time.getnum with fixed=false: one digit, or two when the second is also a digit. */
function readNum(s: string): boolean {
  if (!isDigitAt(s, pos)) return false;
  if (!isDigitAt(s, pos + 1)) {
    num = s.charCodeAt(pos) - DIGIT_0;
    pos += 1;
    return true;
  }
  num = (s.charCodeAt(pos) - DIGIT_0) * 10 + (s.charCodeAt(pos + 1) - DIGIT_0);
  pos += 2;
  return true;
}

/** hour:minute:second with an optional fraction; leaves pos after it. */
function readClock(s: string): boolean {
  if (!readNum(s) || num > 23) return false;
  if (s.charCodeAt(pos) !== 58 /* : */) return false;
  pos++;
  if (!readNum(s) || num > 59) return false;
  if (s.charCodeAt(pos) !== 58) return false;
  pos++;
  if (!readNum(s) || num > 59) return false;
  const c = s.charCodeAt(pos);
  if ((c === 46 /* . */ || c === 44 /* , */) && isDigitAt(s, pos + 1)) {
    pos += 2;
    while (isDigitAt(s, pos)) pos++;
  }
  return true;
}

/** The "Z07:00" zone: "Z", or sign + 2-digit hour + ":" + 2-digit minute (hour <= 24, minute <= 60). */
function readZone(s: string): boolean {
  const c = s.charCodeAt(pos);
  if (c === 90 /* Z */) {
    pos++;
    return true;
  }
  if (s.length - pos < 6 || s.charCodeAt(pos + 3) !== 58) return false;
  if (c !== 43 /* + */ && c !== 45 /* - */) return false;
  if (!isDigitAt(s, pos + 1) || !isDigitAt(s, pos + 2) || !isDigitAt(s, pos + 4) || !isDigitAt(s, pos + 5)) {
    return false;
  }
  const hh = (s.charCodeAt(pos + 1) - DIGIT_0) * 10 + (s.charCodeAt(pos + 2) - DIGIT_0);
  const mm = (s.charCodeAt(pos + 4) - DIGIT_0) * 10 + (s.charCodeAt(pos + 5) - DIGIT_0);
  if (hh > 24 || mm > 60) return false;
  pos += 6;
  return true;
}

/** True when go-yaml v2 would resolve this plain scalar to !!timestamp. */
export function isGoYamlTimestamp(s: string): boolean {
  // Quick check, as go-yaml does: exactly four leading digits, then "-".
  if (s.length < 6 || s.charCodeAt(4) !== 45 /* - */) return false;
  for (let i = 0; i < 4; i++) if (!isDigitAt(s, i)) return false;
  const year = Number(s.slice(0, 4));
  pos = 5;
  if (!readNum(s) || num < 1 || num > 12) return false;
  const month = num;
  if (s.charCodeAt(pos) !== 45) return false;
  pos++;
  if (!readNum(s)) return false;
  const day = num;
  if (day < 1 || day > daysInMonth(month, year)) return false;
  if (pos === s.length) return true; // "2006-1-2"
  const sep = s.charCodeAt(pos);
  if (sep === 84 /* T */ || sep === 116 /* t */) {
    pos++;
    return readClock(s) && readZone(s) && pos === s.length;
  }
  if (sep === 32 /* space */) {
    while (s.charCodeAt(pos) === 32) pos++;
    return readClock(s) && pos === s.length;
  }
  return false;
}
