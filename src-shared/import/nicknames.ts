/*
 * Given names and the short forms people go by, so that "Bob Stone" and "Robert Stone" at one company
 * are suggested as one person, and so are "Rob Stone" and "Bob Stone". Folded forms: lower-case ASCII
 * letters. Some short forms belong to several names ("Sam": Samuel and Samantha), so each name maps to the
 * groups it is in. A short form that is as often a name of its own ("Bert", "Tina", "Liam") is left
 * out: two people at one company with one last name are suggested as one only on a likely guess.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['robert', 'bob', 'bobby', 'rob', 'robbie'],
  ['william', 'bill', 'billy', 'will', 'willy'],
  ['richard', 'rick', 'ricky', 'dick', 'rich', 'richie'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['jonathan', 'jon', 'jonny'],
  ['margaret', 'maggie', 'peggy', 'meg', 'marge'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'betsy', 'eliza'],
  ['katherine', 'kate', 'kathy', 'katie', 'kat'],
  ['catherine', 'kate', 'cathy', 'katie', 'cat'],
  ['michael', 'mike', 'mikey', 'mick'],
  ['thomas', 'tom', 'tommy'],
  ['joseph', 'joe', 'joey'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['anthony', 'tony'],
  ['daniel', 'dan', 'danny'],
  ['matthew', 'matt'],
  ['nicholas', 'nick', 'nicky'],
  ['benjamin', 'ben', 'benny'],
  ['jennifer', 'jen', 'jenny'],
  ['patricia', 'pat', 'patty', 'trish'],
  ['patrick', 'pat', 'paddy'],
  ['susan', 'sue', 'susie', 'suzy'],
  ['deborah', 'deb', 'debbie'],
  ['rebecca', 'becky', 'becca'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy'],
  ['steven', 'steve'],
  ['stephen', 'steve'],
  ['timothy', 'tim', 'timmy'],
  ['andrew', 'andy', 'drew'],
  ['kenneth', 'ken', 'kenny'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['gregory', 'greg'],
  ['jeffrey', 'jeff'],
  ['geoffrey', 'geoff', 'jeff'],
  ['lawrence', 'larry'],
  ['gerald', 'gerry', 'jerry'],
  ['victoria', 'vicky', 'tori'],
  ['abigail', 'abby'],
  ['alexander', 'alex', 'sasha'],
  ['alexandra', 'alex', 'sasha'],
  ['christopher', 'chris'],
  ['christine', 'chris', 'chrissy'],
  ['francisco', 'paco', 'pancho'],
  ['jose', 'pepe'],
  ['johannes', 'hans'],
  ['maximilian', 'max'],
  ['frederick', 'fred', 'freddie'],
  ['henry', 'harry', 'hank'],
  ['theodore', 'ted', 'teddy', 'theo'],
  ['zachary', 'zach', 'zack'],
  ['nathaniel', 'nate', 'nat'],
  ['nathan', 'nate'],
  ['raymond', 'ray'],
  ['douglas', 'doug'],
  ['leonard', 'leo', 'len', 'lenny'],
  ['vincent', 'vince', 'vinny'],
];

const GROUPS_OF: ReadonlyMap<string, readonly number[]> = (() => {
  const m = new Map<string, number[]>();
  GROUPS.forEach((names, group) => {
    for (const name of names) {
      const groups = m.get(name);
      if (groups) groups.push(group);
      else m.set(name, [group]);
    }
  });
  return m;
})();

/** Whether two folded given names are one name and a short form of it, or two short forms of one name. */
export function sameNameByNickname(a: string, b: string): boolean {
  const ga = GROUPS_OF.get(a);
  if (ga === undefined) return false;
  const gb = GROUPS_OF.get(b);
  return gb !== undefined && ga.some((g) => gb.includes(g));
}
