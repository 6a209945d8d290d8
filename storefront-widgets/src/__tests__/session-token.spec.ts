/** A fresh copy of the module, so the in-memory token starts empty. */
async function freshModule() {
  jest.resetModules()
  return import("../session-token")
}

describe("getSessionToken", () => {
  afterEach(() => {
    jest.restoreAllMocks()
    window.localStorage.clear()
  })

  it("creates a token once and persists it in localStorage", async () => {
    const { getSessionToken, SESSION_TOKEN_KEY } = await freshModule()
    const token = getSessionToken()
    expect(token.length).toBeGreaterThanOrEqual(8)
    expect(window.localStorage.getItem(SESSION_TOKEN_KEY)).toBe(token)
    expect(getSessionToken()).toBe(token)
  })

  it("reuses a token another tab stored", async () => {
    window.localStorage.setItem("em_session_token", "tab-token-123")
    expect((await freshModule()).getSessionToken()).toBe("tab-token-123")
  })

  it("falls back to one in-memory token when localStorage throws", async () => {
    jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new Error("SecurityError")
    })
    const setItem = jest.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new Error("QuotaExceededError")
    })
    const { getSessionToken } = await freshModule()
    const token = getSessionToken()
    expect(token).toMatch(/^[0-9a-f-]{32,36}$/)
    expect(getSessionToken()).toBe(token)
    expect(setItem).toHaveBeenCalled()
  })

  it("keeps the in-memory token when only writes fail", async () => {
    jest.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new Error("QuotaExceededError")
    })
    const { getSessionToken } = await freshModule()
    expect(getSessionToken()).toBe(getSessionToken())
  })
})
