package dev.shopfed.e2e;

/**
 * A stand-in child that starts but never answers a health check, for testing the startup timeout.
 * It ends itself after a minute so it cannot outlive a broken test for long.
 */
public final class SleepingService {

  public static void main(String[] args) throws InterruptedException {
    System.out.println("sleeping service pid=" + ProcessHandle.current().pid());
    System.out.flush();
    Thread.sleep(60_000);
  }
}
