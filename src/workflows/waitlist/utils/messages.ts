/** Why the customer lost the seat, in words (the `reason` field carries the code). */
export function offerExpiredMessage(reason: string | undefined): string {
  switch (reason) {
    case "checkout_not_completed":
      return "Your waitlist seat was released because checkout was not completed in time; it was offered to the next person in line."
    case "released_by_organizer":
      return "The organizer released the seat held for you; it was offered to the next person in line."
    case "removed_by_organizer":
      return "The organizer removed you from this waitlist; the seat held for you was offered to the next person in line."
    default:
      return "Your waitlist offer has expired and the seat was offered to the next person in line."
  }
}
