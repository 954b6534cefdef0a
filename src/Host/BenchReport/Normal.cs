namespace ActorConcurrency.Host.BenchReport;

/// <summary>
/// The standard normal distribution's tail, which the Mann–Whitney test's large-sample form needs (.NET has no
/// <c>erfc</c>). Accurate to about 1e-14 relative: the Taylor series of erf below 2, erfc's continued fraction above.
/// </summary>
internal static class Normal
{
    /// <summary>P(Z &gt; <paramref name="z"/>) for a standard normal Z.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>The complementary error function, 1 − erf(<paramref name="x"/>).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2 - Erfc(-x);
        }

        if (x < 2)
        {
            // erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1)); below 2 the terms stay small, so nothing cancels badly.
            double sum = 0, term = x;
            for (int n = 0; n < 200; n++)
            {
                double add = term / ((2 * n) + 1);
                sum += add;
                if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
                {
                    break;
                }

                term *= -x * x / (n + 1);
            }

            return 1 - (2 / Math.Sqrt(Math.PI) * sum);
        }

        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail up.
        double t = x;
        for (int k = 100; k >= 1; k--)
        {
            t = x + (k / 2.0 / t);
        }

        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / t;
    }
}
