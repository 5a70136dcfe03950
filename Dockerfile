# One image per service, built from this repository: docker build --build-arg MODULE=coupon-server .
# docker-compose.yml builds every service this way; the build stage is shared through Docker's layer cache.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY common-model common-model
COPY service-platform service-platform
COPY test-support test-support
COPY registration-api registration-api
COPY coupon-server coupon-server
COPY settlement-relay settlement-relay
COPY settlement-center-simulator settlement-center-simulator
COPY reception-terminal-gateway reception-terminal-gateway
COPY local-platform local-platform
COPY benchmarks benchmarks
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG MODULE
RUN useradd --system --uid 10001 coupons
WORKDIR /app
COPY --from=build /src/${MODULE}/target/${MODULE}-*-exec.jar /app/service.jar
USER coupons
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/service.jar"]
