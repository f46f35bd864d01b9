import {
  USCC_ALPHABET,
  USCC_WEIGHTS,
  gb11714CheckCharacter,
  normalizeUscc,
  usccCheckCharacter,
  usccWeightedSum,
  validateUscc,
} from '../../src/domain/uscc';

/** Small deterministic PRNG (mulberry32) so generated codes are the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBody(rand: () => number): string {
  let s = '';
  for (let i = 0; i < 17; i++) s += USCC_ALPHABET[Math.floor(rand() * 31)];
  return s;
}

describe('USCC constants', () => {
  it('alphabet has 31 characters and no I, O, S, V, Z', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const ch of 'IOSVZ') expect(USCC_ALPHABET).not.toContain(ch);
  });

  it('weights are 3^(i−1) mod 31 as listed in the standard', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
});

describe('validateUscc — worked example 914403001922038216', () => {
  it('Σ = 831 and the check character is 6', () => {
    expect(usccWeightedSum('91440300192203821')).toBe(831);
    expect(831 % 31).toBe(25);
    expect(usccCheckCharacter('91440300192203821')).toBe('6');
  });

  it('is valid with no warnings (it also passes GB 11714)', () => {
    expect(validateUscc('914403001922038216')).toEqual({
      valid: true,
      normalized: '914403001922038216',
      expectedCheck: '6',
    });
  });
});

describe('validateUscc — check character', () => {
  it('a wrong check character is invalid and gives the expected one', () => {
    const r = validateUscc('914403001922038217');
    expect(r.valid).toBe(false);
    expect(r.expectedCheck).toBe('6');
    expect(r.reason).toBe("check character is '7' but should be '6'");
  });

  it('detects a single changed character anywhere in the body', () => {
    const valid = '914403001922038216';
    for (let pos = 0; pos < 17; pos++) {
      const replacement = valid[pos] === 'A' ? 'B' : 'A';
      const typo = valid.slice(0, pos) + replacement + valid.slice(pos + 1);
      const r = validateUscc(typo);
      expect([pos, r.valid]).toEqual([pos, false]);
      expect(r.reason).toMatch(/^check character is '6' but should be '/);
    }
  });

  it('detects two swapped adjacent characters', () => {
    // 91440300192203821 6 → swap positions 9 and 10 ("19" → "91")
    const r = validateUscc('914403009122038216');
    expect(r.valid).toBe(false);
    expect(r.expectedCheck).not.toBe('6');
  });
});

describe('validateUscc — normalisation', () => {
  const body = '91110108MA01ABCDE';
  const code = body + usccCheckCharacter(body);

  it('the generated code with letters is valid', () => {
    expect(validateUscc(code).valid).toBe(true);
  });

  it('lower-case input and surrounding blanks are normalised', () => {
    const r = validateUscc(`  ${code.toLowerCase()}\t\n`);
    expect(r.valid).toBe(true);
    expect(r.normalized).toBe(code);
    expect(normalizeUscc(` ${code.toLowerCase()} `)).toBe(code);
  });

  it('full-width digits and letters and the ideographic space are normalised', () => {
    const fullWidth = '\u3000９１４４０３００１９２２０３８２１６\u3000';
    expect(validateUscc(fullWidth)).toMatchObject({ valid: true, normalized: '914403001922038216' });
    const fullWidthLetters = code.replace(/[0-9A-Z]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    expect(fullWidthLetters).toContain('ＭＡ');
    expect(validateUscc(fullWidthLetters)).toMatchObject({ valid: true, normalized: code });
    expect(validateUscc(fullWidthLetters.toLowerCase()).valid).toBe(true); // ｍａ → MA
  });

  it('a full-width Ｏ becomes O, which is then rejected (not mistaken for zero)', () => {
    const r = validateUscc('９１４４０３００１９２２Ｏ３８２１６');
    expect(r.valid).toBe(false);
    expect(r.normalized).toBe('914403001922O38216');
    expect(r.reason).toBe("character 13 'O' is not in the USCC alphabet (no I, O, S, V, Z)");
  });
});

describe('validateUscc — malformed codes', () => {
  it.each(['I', 'O', 'S', 'V', 'Z'])('letter %s is rejected with its position', (letter) => {
    const r = validateUscc(`9144${letter}3001922038216`);
    expect(r.valid).toBe(false);
    expect(r.reason).toBe(
      `character 5 '${letter}' is not in the USCC alphabet (no I, O, S, V, Z)`,
    );
    expect(r.expectedCheck).toBeUndefined();
  });

  it('punctuation is rejected with its position', () => {
    expect(validateUscc('91440300-922038216').reason).toBe(
      "character 9 '-' is not in the USCC alphabet (no I, O, S, V, Z)",
    );
  });

  it('a blank inside the code is not removed; it is reported', () => {
    const r = validateUscc('91440300 1922038216');
    expect(r.valid).toBe(false);
    expect(r.normalized).toBe('91440300 1922038216');
    expect(r.reason).toBe('character 9 is a blank (only blanks around the code are removed)');
  });

  it.each([
    ['91440300192203821', 17],
    ['9144030019220382166', 19],
    ['91440300', 8],
  ])('wrong length %s', (code, length) => {
    const r = validateUscc(code);
    expect(r.valid).toBe(false);
    expect(r.reason).toBe(`code is ${length} characters long; a USCC has 18`);
  });

  it('empty and blank-only input', () => {
    expect(validateUscc('')).toEqual({ valid: false, normalized: '', reason: 'code is empty' });
    expect(validateUscc('   ').reason).toBe('code is empty');
  });

  it.each(['00000000000000000X', '000000000000000000', '111111111111111111', '99999999999999999A'])(
    'placeholder %s is invalid with reason "placeholder"',
    (code) => {
      expect(validateUscc(code)).toMatchObject({ valid: false, reason: 'placeholder' });
    },
  );

  it('all zeros is a placeholder even though its check character is arithmetically right', () => {
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
    expect(validateUscc('000000000000000000').reason).toBe('placeholder');
  });

  it('a non-string is invalid, not a crash', () => {
    expect(validateUscc(undefined as unknown as string).valid).toBe(false);
  });
});

describe('GB 11714 organisation-code check (positions 9–17)', () => {
  it('hand-computed check characters', () => {
    // 1·3 + 9·7 + 2·9 + 2·10 + 0·5 + 3·8 + 8·4 + 2·2 = 164; 164 mod 11 = 10; 11 − 10 = 1
    expect(gb11714CheckCharacter('19220382')).toBe('1');
    // Σ = 0 → 11 → '0'
    expect(gb11714CheckCharacter('00000000')).toBe('0');
    // 6·2 = 12; 12 mod 11 = 1; 11 − 1 = 10 → 'X'
    expect(gb11714CheckCharacter('00000006')).toBe('X');
    // 1·2 = 2 → 9
    expect(gb11714CheckCharacter('00000001')).toBe('9');
    // letters count A = 10: 10·3 = 30; 30 mod 11 = 8 → 3
    expect(gb11714CheckCharacter('A0000000')).toBe('3');
    expect(() => gb11714CheckCharacter('1922038')).toThrow(/8 characters/);
  });

  it('a code that fails GB 11714 but has the right USCC check is valid with a warning', () => {
    const body = '91440300192203822'; // organisation code ends in 2, GB 11714 says 1
    const code = body + usccCheckCharacter(body);
    const r = validateUscc(code);
    expect(r.valid).toBe(true);
    expect(r.reason).toBeUndefined();
    expect(r.warnings).toEqual([
      "organisation code (positions 9–17) '192203822' fails the GB 11714 check: " +
        "position 17 is '2' but GB 11714 gives '1'",
    ]);
  });
});

describe('usccCheckCharacter — generating valid codes', () => {
  it.each(['91440300MA5DXXXXX', '12100000400000624', '52110000MJ0000000', 'Y1110000MA00ABCDE'])(
    '%s + its check character validates',
    (body) => {
      const r = validateUscc(body + usccCheckCharacter(body));
      expect(r.valid).toBe(true);
      expect(r.expectedCheck).toBe(usccCheckCharacter(body));
    },
  );

  it('500 random bodies: the generated code validates and every other check character fails', () => {
    const rand = prng(20151001);
    for (let n = 0; n < 500; n++) {
      const body = randomBody(rand);
      const check = usccCheckCharacter(body);
      const r = validateUscc(body + check);
      if (/^(.)\1{16}$/.test(body)) continue; // placeholder, astronomically unlikely
      expect([body, r.valid]).toEqual([body, true]);
      const wrong = USCC_ALPHABET[(USCC_ALPHABET.indexOf(check) + 1 + (n % 30)) % 31];
      expect(validateUscc(body + wrong)).toMatchObject({ valid: false, expectedCheck: check });
    }
  });

  it('rejects input a generator should never pass', () => {
    expect(() => usccCheckCharacter('9144030019220382')).toThrow(/exactly 17 characters/);
    expect(() => usccCheckCharacter('9144030019220382I')).toThrow(/character 17 'I'/);
    expect(() => usccCheckCharacter('91440300ma5dxxxxx')).toThrow(/character 9 'm'/);
  });
});
