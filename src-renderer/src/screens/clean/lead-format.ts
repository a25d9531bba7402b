interface Named {
  fullName: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** The name to show for a lead: full name, else first + last. */
export function leadName(l: Named): string {
  return l.fullName ?? [l.firstName, l.lastName].filter(Boolean).join(' ');
}
